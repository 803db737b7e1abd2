import type { TechStack } from "../schemas/tech-stack.js";
import { backendRenderedFrontends, builtOn, fullStackFrameworks } from "./catalog.js";
import type { Evidence } from "./discover.js";
import type { Findings, RankedValue } from "./findings.js";

/** Key services listed at most: the heaviest ones; the rest stay in the Terraform. */
const maxKeyServices = 12;

/** Databases that sit beside the main store (a cache, a search index) and SQLite (often a development default). */
const databaseClass = (value: string) =>
  ["Redis", "Memcached", "Elasticsearch", "OpenSearch"].includes(value) ? 2 : value === "SQLite" ? 1 : 0;

/** Hosting platforms that are their own cloud, named as the cloud when no infrastructure code names one. */
const platformClouds: Record<string, string> = {
  Vercel: "Vercel",
  Netlify: "Netlify",
  Heroku: "Heroku",
  "Fly.io": "Fly.io",
  Render: "Render",
  Railway: "Railway",
  "Firebase Hosting": "Google Cloud (Firebase)",
  "Cloud Functions for Firebase": "Google Cloud (Firebase)",
  "Cloudflare Pages": "Cloudflare",
  "Cloudflare Workers": "Cloudflare",
  "DigitalOcean App Platform": "DigitalOcean",
};

/** Managed Kubernetes services, to say which Kubernetes it is. */
const managedKubernetes = ["EKS", "GKE", "AKS", "DOKS"];

export interface Assembled {
  stack: TechStack["stack"];
  evidence: Evidence[];
  /** The backend's hosting is only "Docker containers". */
  containersOnly: boolean;
}

const reasonOf = (ranked: RankedValue) =>
  ranked.others > 0
    ? `${ranked.evidence.reason} (also in ${ranked.others} other file${ranked.others === 1 ? "" : "s"})`
    : ranked.evidence.reason;

type Stack = TechStack["stack"];
/** Records one value of a field with its evidence (the value and reason default to the finding's). */
type Cite = (field: string, ranked: RankedValue, value?: string, reason?: string) => void;
/** Hosting read from the other side's platform, cited with the file that names it. */
interface Derived {
  ranked: RankedValue;
  reason: string;
}

/** Where each side runs, found or derived, and how to name a hosting value. */
interface Hosting {
  frontend: RankedValue[];
  /** "Docker containers" alone when `containersOnly`. */
  backend: RankedValue[];
  derivedFrontend: Derived[];
  derivedBackend: Derived[];
  containersOnly: boolean;
  name: (value: string) => string;
}

const joined = (ranked: readonly RankedValue[]) => ranked.map(({ value }) => value).join(", ");

/**
 * tech_stack.json's `stack` from the findings, each value with its evidence. Values of a field
 * are joined with ", ", heaviest first. A few rules settle what findings alone cannot:
 *  - a base framework is not listed beside its meta-framework anywhere in the repository
 *    (Next.js, not "Next.js, React", even when packages/ui uses React alone);
 *  - "Docker containers" is the backend's hosting only when nothing says where they run;
 *    Kubernetes is named with its managed service when the infrastructure code creates one;
 *  - a full-stack framework's server (Next.js API routes) runs where its frontend is hosted,
 *    and a server-rendered frontend (Hotwire, LiveView) where its backend is;
 *  - the primary database is the heaviest relational or document store; caches and search
 *    indexes, and other stores, go to the notes;
 *  - a PaaS names the cloud only when no infrastructure code does.
 * Fields nothing filled are empty strings (empty list for key services), as `init` writes them,
 * so a person sees what is left to fill.
 */
export function assembleStack(findings: Findings): Assembled {
  // Hosting is settled first: each side's may come from the other's, and the cloud from either.
  // The sections are then filled in file order, so the evidence lists fields as the file does.
  const evidence: Evidence[] = [];
  const cite: Cite = (field, ranked, value = ranked.value, reason = reasonOf(ranked)) =>
    evidence.push({ field, value, source: ranked.evidence.source, reason });
  const frontendFrameworks = visibleFrontendFrameworks(findings);
  const hosting = settleHosting(findings, frontendFrameworks);
  const stack: Stack = {
    frontend: frontendSection(frontendFrameworks, hosting, cite),
    backend: backendSection(findings, hosting, cite),
    database: databaseSection(findings, cite),
    infrastructure: infrastructureSection(findings, hosting, cite),
    cicd: cicdSection(findings, cite),
    observability: observabilitySection(findings, cite),
  };
  return { stack, evidence, containersOnly: hosting.containersOnly };
}

/** The frontend frameworks, less those a meta-framework present anywhere is built on. */
function visibleFrontendFrameworks(findings: Findings): RankedValue[] {
  const all = findings.ranked("frontend.framework");
  const present = new Set(all.map((ranked) => ranked.value));
  const hidden = new Set([...present].flatMap((value) => builtOn[value] ?? []));
  return all.filter((ranked) => !hidden.has(ranked.value));
}

// A Procfile is Heroku's, but foreman, Dokku and buildpacks elsewhere read it too: it names
// Heroku only when nothing else says where the backend runs (app.json or heroku.yml still do).
const procfileOnly = (ranked: RankedValue) =>
  ranked.value === "Heroku" && /(^|\/)Procfile$/.test(ranked.evidence.source) && ranked.others === 0;

/** The places the backend is said to run, "Docker containers" aside (it says how, not where). */
function namedBackendHosting(found: readonly RankedValue[]): RankedValue[] {
  const named = found.filter((ranked) => ranked.value !== "Docker containers");
  return named.some((ranked) => !procfileOnly(ranked)) ? named.filter((ranked) => !procfileOnly(ranked)) : named;
}

/** Names Kubernetes with the managed service the infrastructure code creates, if any. */
function hostingNamer(services: readonly RankedValue[]): (value: string) => string {
  const kubernetesService = services.find((ranked) => managedKubernetes.includes(ranked.value))?.value;
  return (value) => (value === "Kubernetes" && kubernetesService ? `Kubernetes (${kubernetesService})` : value);
}

/**
 * Where the frontend and the backend run. A full-stack framework's server runs where its
 * frontend is hosted; "Docker containers" stands only when nothing names a place; a
 * server-rendered frontend is hosted where its backend is, unless that is only containers.
 */
function settleHosting(findings: Findings, frontendFrameworks: readonly RankedValue[]): Hosting {
  const frontend = findings.ranked("frontend.hosting");
  const found = findings.ranked("backend.hosting");
  const named = namedBackendHosting(found);
  const fullStack = findings.ranked("backend.framework").find((ranked) => fullStackFrameworks.has(ranked.value));
  const derivedBackend =
    named.length === 0 && fullStack
      ? frontend.map((ranked) => ({
          ranked,
          reason: `the ${fullStack.value} server runs where the frontend is hosted: ${ranked.evidence.reason}`,
        }))
      : [];
  const containersOnly = named.length === 0 && derivedBackend.length === 0 && found.length > 0;
  const backend = containersOnly ? found : named;
  const rendered = frontendFrameworks.find((ranked) => backendRenderedFrontends.has(ranked.value));
  const derivedFrontend =
    frontend.length === 0 && rendered && !containersOnly
      ? backend.map((ranked) => ({
          ranked,
          reason: `${rendered.value} pages are served by the backend: ${ranked.evidence.reason}`,
        }))
      : [];
  const name = hostingNamer(findings.ranked("cloud.service"));
  return { frontend, backend, derivedFrontend, derivedBackend, containersOnly, name };
}

function frontendSection(frameworks: readonly RankedValue[], hosting: Hosting, cite: Cite): Stack["frontend"] {
  frameworks.forEach((ranked) => cite("stack.frontend.framework", ranked));
  hosting.frontend.forEach((ranked) => cite("stack.frontend.hosting", ranked));
  hosting.derivedFrontend.forEach(({ ranked, reason }) =>
    cite("stack.frontend.hosting", ranked, hosting.name(ranked.value), reason),
  );
  return {
    framework: joined(frameworks),
    hosting: [
      ...hosting.frontend.map((ranked) => ranked.value),
      ...hosting.derivedFrontend.map(({ ranked }) => hosting.name(ranked.value)),
    ].join(", "),
    notes: "",
  };
}

function backendSection(findings: Findings, hosting: Hosting, cite: Cite): Stack["backend"] {
  const languages = findings.ranked("backend.language");
  const frameworks = findings.ranked("backend.framework");
  const jobs = findings.ranked("backend.jobs");
  const workspaces = findings.ranked("repository.workspaces");
  languages.forEach((ranked) => cite("stack.backend.language", ranked));
  frameworks.forEach((ranked) => cite("stack.backend.framework", ranked));
  hosting.backend.forEach((ranked) => cite("stack.backend.hosting", ranked, hosting.name(ranked.value)));
  hosting.derivedBackend.forEach(({ ranked, reason }) => cite("stack.backend.hosting", ranked, ranked.value, reason));
  [...jobs, ...workspaces].forEach((ranked) => cite("stack.backend.notes", ranked));
  return {
    language: joined(languages),
    framework: joined(frameworks),
    hosting: [
      ...hosting.backend.map((ranked) => hosting.name(ranked.value)),
      ...hosting.derivedBackend.map(({ ranked }) => ranked.value),
    ].join(", "),
    notes: [
      ...(jobs.length > 0 ? [`Background jobs: ${joined(jobs)}.`] : []),
      ...(workspaces.length > 0 ? [`Monorepo: ${joined(workspaces)}.`] : []),
    ].join(" "),
  };
}

/** The heaviest main store is the primary; caches, search indexes and SQLite come after any other. */
function databaseSection(findings: Findings, cite: Cite): Stack["database"] {
  const databases = findings.ranked("database").sort((a, b) => databaseClass(a.value) - databaseClass(b.value));
  const providers = findings.ranked("database.provider");
  const providerOf = (database: string) => providers.find((ranked) => ranked.evidence.database === database);
  const [primary, ...others] = databases;
  const primaryProvider = primary ? providerOf(primary.value) : undefined;
  if (primary) cite("stack.database.primary", primary);
  if (primaryProvider) cite("stack.database.provider", primaryProvider);
  others.forEach((ranked) => cite("stack.database.notes", ranked));
  const withProvider = (ranked: RankedValue) => {
    const provider = providerOf(ranked.value);
    return provider ? `${ranked.value} (${provider.value})` : ranked.value;
  };
  return {
    primary: primary?.value ?? "",
    provider: primaryProvider?.value ?? "",
    notes: others.length > 0 ? `Also in use: ${others.map(withProvider).join(", ")}.` : "",
  };
}

/**
 * The clouds: those the infrastructure code names; else the hosting platforms that are their
 * own cloud; else, as code that calls a cloud's SDK most likely runs with that cloud, the SDKs'.
 */
function cloudsOf(
  findings: Findings,
  hosting: Hosting,
): { clouds: RankedValue[]; reason?: (ranked: RankedValue) => string } {
  const named = findings.ranked("cloud");
  if (named.length > 0) return { clouds: named };
  const seen = new Map<string, RankedValue>();
  const places = [...hosting.backend, ...hosting.frontend, ...hosting.derivedFrontend.map(({ ranked }) => ranked)];
  for (const ranked of places) {
    const cloud = platformClouds[ranked.value];
    if (cloud && !seen.has(cloud)) seen.set(cloud, { ...ranked, value: cloud });
  }
  if (seen.size > 0) return { clouds: [...seen.values()], reason: (ranked) => `hosting platform: ${reasonOf(ranked)}` };
  return { clouds: findings.ranked("cloud.sdk"), reason: (ranked) => `its SDK is a dependency: ${reasonOf(ranked)}` };
}

function infrastructureSection(findings: Findings, hosting: Hosting, cite: Cite): Stack["infrastructure"] {
  const { clouds, reason } = cloudsOf(findings, hosting);
  const keyServices = findings.ranked("cloud.service").slice(0, maxKeyServices);
  const iac = findings.ranked("iac");
  clouds.forEach((ranked) => cite("stack.infrastructure.cloudProvider", ranked, ranked.value, reason?.(ranked)));
  keyServices.forEach((ranked) => cite("stack.infrastructure.keyServices", ranked));
  iac.forEach((ranked) => cite("stack.infrastructure.notes", ranked));
  return {
    cloudProvider: joined(clouds),
    keyServices: keyServices.map((ranked) => ranked.value),
    notes: iac.length > 0 ? `Infrastructure as code: ${joined(iac)}.` : "",
  };
}

function cicdSection(findings: Findings, cite: Cite): Stack["cicd"] {
  // Build pipelines first, GitOps delivery after: Argo CD deploys what the pipeline built.
  const pipelines = findings
    .ranked("cicd")
    .sort((a, b) => Number(a.value.endsWith("(GitOps)")) - Number(b.value.endsWith("(GitOps)")));
  pipelines.forEach((ranked) => cite("stack.cicd.pipeline", ranked));
  return { pipeline: joined(pipelines), deploymentFrequency: "", notes: "" };
}

function observabilitySection(findings: Findings, cite: Cite): Stack["observability"] {
  const observability = { monitoring: "", logging: "", alerting: "", notes: "" };
  for (const topic of ["monitoring", "logging", "alerting"] as const) {
    const found = findings.ranked(topic);
    observability[topic] = joined(found);
    found.forEach((ranked) => cite(`stack.observability.${topic}`, ranked));
  }
  return observability;
}
