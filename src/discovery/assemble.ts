import type { TechStack } from "../schemas/tech-stack.js";
import { backendRenderedFrontends, builtOn, fullStackFrameworks } from "./catalog.js";
import type { Evidence } from "./discover.js";
import type { Findings, RankedValue, Topic } from "./findings.js";

/** Key services listed at most: the heaviest ones; the rest stay in the Terraform. */
export const maxKeyServices = 12;

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
  const evidence: Evidence[] = [];
  const cite = (field: string, ranked: RankedValue, value = ranked.value, reason = reasonOf(ranked)) =>
    evidence.push({ field, value, source: ranked.evidence.source, reason });
  const values = (topic: Topic) => findings.ranked(topic);

  const frontendAll = values("frontend.framework");
  const present = new Set(frontendAll.map((ranked) => ranked.value));
  const hiddenFrontends = new Set([...present].flatMap((value) => builtOn[value] ?? []));
  const frontendFrameworks = frontendAll.filter((ranked) => !hiddenFrontends.has(ranked.value));
  let frontendHosting = values("frontend.hosting");
  const languages = values("backend.language");
  const backendFrameworks = values("backend.framework");
  const services = values("cloud.service");

  const hostingFound = values("backend.hosting");
  let backendHosting = hostingFound.filter((ranked) => ranked.value !== "Docker containers");
  // A Procfile is Heroku's, but foreman, Dokku and buildpacks elsewhere read it too: it names
  // Heroku only when nothing else says where the backend runs (app.json or heroku.yml still do).
  const procfileOnly = (ranked: RankedValue) =>
    ranked.value === "Heroku" && /(^|\/)Procfile$/.test(ranked.evidence.source) && ranked.others === 0;
  if (backendHosting.some((ranked) => !procfileOnly(ranked)))
    backendHosting = backendHosting.filter((ranked) => !procfileOnly(ranked));
  const kubernetesService = services.find((ranked) => managedKubernetes.includes(ranked.value))?.value;
  const hostingName = (value: string) =>
    value === "Kubernetes" && kubernetesService ? `Kubernetes (${kubernetesService})` : value;

  // Derived hosting: cited with the file that names the other side's platform.
  const derivedBackend: { ranked: RankedValue; reason: string }[] = [];
  const fullStack = backendFrameworks.find((ranked) => fullStackFrameworks.has(ranked.value));
  if (backendHosting.length === 0 && fullStack)
    for (const ranked of frontendHosting)
      derivedBackend.push({
        ranked,
        reason: `the ${fullStack.value} server runs where the frontend is hosted: ${ranked.evidence.reason}`,
      });
  // "Docker containers" only when nothing names where the backend runs.
  const containersOnly = backendHosting.length === 0 && derivedBackend.length === 0 && hostingFound.length > 0;
  if (containersOnly) backendHosting = hostingFound;
  const derivedFrontend: { ranked: RankedValue; reason: string }[] = [];
  const rendered = frontendFrameworks.find((ranked) => backendRenderedFrontends.has(ranked.value));
  if (frontendHosting.length === 0 && rendered && !containersOnly)
    for (const ranked of backendHosting)
      derivedFrontend.push({
        ranked,
        reason: `${rendered.value} pages are served by the backend: ${ranked.evidence.reason}`,
      });

  const frontend = {
    framework: frontendFrameworks.map((ranked) => ranked.value).join(", "),
    hosting: [
      ...frontendHosting.map((ranked) => ranked.value),
      ...derivedFrontend.map(({ ranked }) => hostingName(ranked.value)),
    ].join(", "),
    notes: "",
  };
  frontendFrameworks.forEach((ranked) => cite("stack.frontend.framework", ranked));
  frontendHosting.forEach((ranked) => cite("stack.frontend.hosting", ranked));
  derivedFrontend.forEach(({ ranked, reason }) =>
    cite("stack.frontend.hosting", ranked, hostingName(ranked.value), reason),
  );
  frontendHosting = [...frontendHosting, ...derivedFrontend.map((derived) => derived.ranked)];

  const jobs = values("backend.jobs");
  const workspaces = values("repository.workspaces");
  const backendNotes = [
    ...(jobs.length > 0 ? [`Background jobs: ${jobs.map((ranked) => ranked.value).join(", ")}.`] : []),
    ...(workspaces.length > 0 ? [`Monorepo: ${workspaces.map((ranked) => ranked.value).join(", ")}.`] : []),
  ].join(" ");
  const backendHostingValues = [
    ...backendHosting.map((ranked) => hostingName(ranked.value)),
    ...derivedBackend.map(({ ranked }) => ranked.value),
  ];
  const backend = {
    language: languages.map((ranked) => ranked.value).join(", "),
    framework: backendFrameworks.map((ranked) => ranked.value).join(", "),
    hosting: backendHostingValues.join(", "),
    notes: backendNotes,
  };
  languages.forEach((ranked) => cite("stack.backend.language", ranked));
  backendFrameworks.forEach((ranked) => cite("stack.backend.framework", ranked));
  backendHosting.forEach((ranked) => cite("stack.backend.hosting", ranked, hostingName(ranked.value)));
  derivedBackend.forEach(({ ranked, reason }) => cite("stack.backend.hosting", ranked, ranked.value, reason));
  [...jobs, ...workspaces].forEach((ranked) => cite("stack.backend.notes", ranked));

  const databases = values("database").sort((a, b) => databaseClass(a.value) - databaseClass(b.value));
  const providers = values("database.provider");
  const providerOf = (database: string) => providers.find((ranked) => ranked.evidence.database === database);
  const [primary, ...otherDatabases] = databases;
  const primaryProvider = primary ? providerOf(primary.value) : undefined;
  const database = {
    primary: primary?.value ?? "",
    provider: primaryProvider?.value ?? "",
    notes:
      otherDatabases.length > 0
        ? `Also in use: ${otherDatabases
            .map((ranked) => {
              const provider = providerOf(ranked.value);
              return provider ? `${ranked.value} (${provider.value})` : ranked.value;
            })
            .join(", ")}.`
        : "",
  };
  if (primary) cite("stack.database.primary", primary);
  if (primaryProvider) cite("stack.database.provider", primaryProvider);
  otherDatabases.forEach((ranked) => cite("stack.database.notes", ranked));

  let clouds = values("cloud");
  let cloudReason: ((ranked: RankedValue) => string) | undefined;
  if (clouds.length === 0) {
    // No infrastructure code: the hosting platforms are the cloud.
    const seen = new Map<string, RankedValue>();
    for (const ranked of [...backendHosting, ...frontendHosting]) {
      const cloud = platformClouds[ranked.value];
      if (cloud && !seen.has(cloud)) seen.set(cloud, { ...ranked, value: cloud });
    }
    clouds = [...seen.values()];
    cloudReason = (ranked) => `hosting platform: ${reasonOf(ranked)}`;
  }
  if (clouds.length === 0) {
    // Nor a hosting platform: code that calls a cloud's SDK runs with that cloud, most likely.
    clouds = values("cloud.sdk");
    cloudReason = (ranked) => `its SDK is a dependency: ${reasonOf(ranked)}`;
  }
  const keyServices = services.slice(0, maxKeyServices);
  const iac = values("iac");
  const infrastructure = {
    cloudProvider: clouds.map((ranked) => ranked.value).join(", "),
    keyServices: keyServices.map((ranked) => ranked.value),
    notes: iac.length > 0 ? `Infrastructure as code: ${iac.map((ranked) => ranked.value).join(", ")}.` : "",
  };
  clouds.forEach((ranked) => cite("stack.infrastructure.cloudProvider", ranked, ranked.value, cloudReason?.(ranked)));
  keyServices.forEach((ranked) => cite("stack.infrastructure.keyServices", ranked));
  iac.forEach((ranked) => cite("stack.infrastructure.notes", ranked));

  // Build pipelines first, GitOps delivery after: Argo CD deploys what the pipeline built.
  const pipelines = values("cicd").sort(
    (a, b) => Number(a.value.endsWith("(GitOps)")) - Number(b.value.endsWith("(GitOps)")),
  );
  const cicd = { pipeline: pipelines.map((ranked) => ranked.value).join(", "), deploymentFrequency: "", notes: "" };
  pipelines.forEach((ranked) => cite("stack.cicd.pipeline", ranked));

  const observability = { monitoring: "", logging: "", alerting: "", notes: "" };
  for (const topic of ["monitoring", "logging", "alerting"] as const) {
    const found = values(topic);
    observability[topic] = found.map((ranked) => ranked.value).join(", ");
    found.forEach((ranked) => cite(`stack.observability.${topic}`, ranked));
  }

  return {
    stack: { frontend, backend, database, infrastructure, cicd, observability },
    evidence,
    containersOnly,
  };
}
