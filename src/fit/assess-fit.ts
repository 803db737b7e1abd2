import { posix } from "node:path";
import { terraformResources, type TerraformResource } from "../text/terraform-resources.js";
import { securityRemovals } from "./security.js";
import { selfHostedComponent, type SelfHostedKind } from "./self-hosted.js";
import type { KnownStage, MaturityStage } from "./stage.js";

/** A changed file as the fit check sees it: both versions where they were read. */
export interface FitFile {
  path: string;
  status: string;
  previousPath?: string;
  before?: string;
  after?: string;
}

interface Concern {
  kind: "stage" | "security";
  file: string;
  /** What the change does: "adds a Helm chart (charts/api)". */
  change: string;
  /** The question its ADR must answer, in the prompt's voice: curious, not condescending. */
  message: string;
}

/** A component the change runs itself where a managed one exists (for build vs buy). */
interface SelfHostedAdoption extends SelfHostedKind {
  file: string;
  /** The image or chart that runs it. */
  source: string;
}

export interface FitAssessment {
  stage: MaturityStage | null;
  concerns: Concern[];
  selfHosted: SelfHostedAdoption[];
}

type Adoption =
  | { what: "kubernetes" | "mesh" | "service"; file: string; change: string }
  | ({ what: "self-hosted"; change: string } & SelfHostedAdoption);

const isTerraform = (path: string) => /\.(tf|tofu)$|\.tf\.json$/.test(path);
const kubernetesTypes =
  /^(aws_eks_cluster|google_container_cluster|azurerm_kubernetes_cluster|helm_release|kubernetes_\w+)$/;
const meshPattern = /istio|linkerd|consul-?connect|kuma/;

/** Top-level `key: value` lines of a YAML text (every document), lowercased values. */
const yamlValues = (text: string | undefined, key: string): Set<string> =>
  new Set(
    [...(text ?? "").matchAll(new RegExp(`^\\s*-?\\s*${key}:\\s*["']?([^"'\\s#]+)`, "gm"))].map((m) =>
      m[1]!.toLowerCase(),
    ),
  );

const isManifest = (text: string | undefined) =>
  text !== undefined && /^apiVersion:\s*\S/m.test(text) && /^kind:\s*[A-Z]/m.test(text);

const newIn = (after: Set<string>, before: Set<string>) => [...after].filter((value) => !before.has(value));

/** What a YAML file adopts: a Helm chart, Kubernetes manifests, a mesh, self-hosted components by image or chart dependency. */
function yamlAdoptions(file: FitFile): Adoption[] {
  const found: Adoption[] = [];
  const chart = posix.basename(file.path) === "Chart.yaml";
  if (chart && file.status === "added")
    found.push({ what: "kubernetes", file: file.path, change: `adds a Helm chart (${posix.dirname(file.path)})` });
  else if (isManifest(file.after) && !isManifest(file.before)) {
    const kinds = [...yamlValues(file.after, "kind")].slice(0, 3).join(", ");
    found.push({ what: "kubernetes", file: file.path, change: `adds Kubernetes manifests (${kinds})` });
  }
  if (!chart && !isManifest(file.after)) return found;
  const apis = newIn(yamlValues(file.after, "apiVersion"), yamlValues(file.before, "apiVersion"));
  const mesh = apis.find((api) => meshPattern.test(api));
  if (mesh) found.push({ what: "mesh", file: file.path, change: `adopts a service mesh (${mesh})` });
  const key = chart ? "name" : "image";
  for (const source of newIn(yamlValues(file.after, key), yamlValues(file.before, key))) {
    const component = selfHostedComponent(source);
    if (component)
      found.push({
        what: "self-hosted",
        file: file.path,
        source,
        change: `runs ${component.component} (${source})`,
        ...component,
      });
    else if (chart && meshPattern.test(source))
      found.push({ what: "mesh", file: file.path, change: `adopts a service mesh (${source})` });
  }
  return found;
}

/** What Terraform resources added adopt: a cluster, a Helm release (a mesh, a self-hosted component). */
function terraformAdoption(resource: TerraformResource): Adoption[] {
  if (!kubernetesTypes.test(resource.type)) return [];
  const chart = resource.type === "helm_release" ? String(resource.value(["chart"]) ?? "") : "";
  const component = chart ? selfHostedComponent(chart) : undefined;
  if (component)
    return [
      {
        what: "self-hosted",
        file: resource.file,
        source: chart,
        change: `runs ${component.component} (helm_release ${chart})`,
        ...component,
      },
    ];
  if (meshPattern.test(chart))
    return [{ what: "mesh", file: resource.file, change: `adopts a service mesh (helm_release ${chart})` }];
  return [{ what: "kubernetes", file: resource.file, change: `adds ${resource.address}` }];
}

/** A Dockerfile added in a directory of its own: a new deployable service. */
function newService(file: FitFile): Adoption | undefined {
  if (file.status !== "added" || !/(^|\/)([\w.-]+\.)?Dockerfile$/.test(file.path)) return undefined;
  const directory = posix.dirname(file.path);
  if (directory === "." || /(^|\/)(\.devcontainer|\.github|docs?|tests?|examples?|fixtures?)(\/|$)/.test(directory))
    return undefined;
  return { what: "service", file: file.path, change: `adds a new service (${directory})` };
}

interface TerraformSides {
  before: Map<string, TerraformResource>;
  after: Map<string, TerraformResource>;
}

function terraformSides(files: readonly FitFile[]): TerraformSides {
  const sides: TerraformSides = { before: new Map(), after: new Map() };
  for (const file of files.filter((candidate) => isTerraform(candidate.path))) {
    for (const side of ["before", "after"] as const) {
      const text = file[side];
      if (text === undefined) continue;
      const directory = posix.dirname(file.path);
      for (const resource of terraformResources(side === "before" ? (file.previousPath ?? file.path) : file.path, text)
        .resources)
        sides[side].set(`${directory}:${resource.address}`, { ...resource, file: file.path });
    }
  }
  return sides;
}

function adoptionsIn(files: readonly FitFile[], sides: TerraformSides): Adoption[] {
  return [
    ...files.filter((file) => /\.ya?ml$/.test(file.path)).flatMap(yamlAdoptions),
    ...[...sides.after]
      .filter(([key]) => !sides.before.has(key))
      .flatMap(([, resource]) => terraformAdoption(resource)),
    ...files.flatMap((file) => newService(file) ?? []),
  ];
}

/** Whether the stage matters to this change: it adopts something, or removes an item of the security minimum. */
export function needsStage(files: readonly FitFile[]): boolean {
  const sides = terraformSides(files);
  if (adoptionsIn(files, sides).length > 0) return true;
  const keys = new Set([...sides.before.keys(), ...sides.after.keys()]);
  return [...keys].some((key) => securityRemovals(sides.before.get(key), sides.after.get(key)).length > 0);
}

const teamSize = (stage: KnownStage) => (stage.headcount !== undefined ? ` (${stage.headcount} engineers)` : "");

/** The question each adoption's ADR should answer, at the stage the company is in. */
function stageQuestion(adoption: Adoption, stage: KnownStage): string {
  const at = `At the ${stage.stage} stage${teamSize(stage)}`;
  switch (adoption.what) {
    case "kubernetes":
      return `${at}, what does Kubernetes give us that a managed platform (ECS Fargate, Cloud Run, Azure Container Apps, Render or Fly.io) would not? The ADR could say which problem needs it now, who runs the cluster (upgrades, on-call), and what would make us revisit it.`;
    case "mesh":
      return `${at}, which problem does a service mesh solve for us today that the platform's load balancing and TLS would not? The ADR could name it, and who keeps the mesh upgraded.`;
    case "self-hosted":
      return `${at}, what makes running ${adoption.component} ourselves better than ${adoption.managed}? The ADR could weigh who patches it, backs it up and is paged when it fails against the managed price.`;
    case "service":
      return `A new service at${stage.headcount !== undefined ? ` ${stage.headcount} engineers` : ` the ${stage.stage} stage`}: what do we gain by splitting it off now rather than keeping it a module of the monolith? The ADR could say which boundary it protects, and who owns its deploys and on-call.`;
  }
}

/** A new service is judged by headcount (under ten engineers); the other adoptions by stage (survival, foundation). */
function aboveStage(adoption: Adoption, stage: KnownStage): boolean {
  const early = stage.stage === "survival" || stage.stage === "foundation";
  if (adoption.what === "service") return stage.headcount !== undefined ? stage.headcount < 10 : early;
  return early;
}

/**
 * Does the change fit the company's stage, and does it keep the security minimum? The prompt's
 * critical rule: advice that fits the stage ("a 3-person team doesn't need Kubernetes"). A
 * change that adopts something above the stage gets one concern per adoption, with the question
 * its ADR must answer; at the scale stage and beyond, none. What the stack file already names
 * is extended, not adopted. A change that removes an item of the security minimum gets a
 * security concern at every stage.
 */
export function assessFit(files: readonly FitFile[], stage: KnownStage, alreadyRuns: string): FitAssessment {
  const sides = terraformSides(files);
  const adoptions = adoptionsIn(files, sides);
  const runsKubernetes = /kubernetes|\bk8s\b|\beks\b|\bgke\b|\baks\b|helm/.test(alreadyRuns);
  const stageConcerns = adoptions
    .filter((adoption) => stage.stage !== null && aboveStage(adoption, stage))
    .filter((adoption) => !(adoption.what === "kubernetes" && runsKubernetes))
    .filter(
      (adoption, index, all) =>
        all.findIndex((other) => other.what === adoption.what && other.change === adoption.change) === index,
    )
    .map((adoption): Concern => ({
      kind: "stage",
      file: adoption.file,
      change: adoption.change,
      message: stageQuestion(adoption, stage),
    }));
  const keys = new Set([...sides.before.keys(), ...sides.after.keys()]);
  const securityConcerns = [...keys].flatMap((key) =>
    securityRemovals(sides.before.get(key), sides.after.get(key)).map((removal): Concern => ({
      kind: "security",
      file: removal.file,
      change: `${removal.says} on ${removal.resource}`,
      message: `${removal.item[0]!.toUpperCase()}${removal.item.slice(1)} is part of the security minimum at every stage: what protects us without it? If this is intended, the ADR could say why and what replaces it.`,
    })),
  );
  const selfHosted = adoptions.flatMap((adoption) =>
    adoption.what === "self-hosted"
      ? [
          {
            file: adoption.file,
            source: adoption.source,
            component: adoption.component,
            kind: adoption.kind,
            managed: adoption.managed,
          },
        ]
      : [],
  );
  return { stage: stage.stage, concerns: [...stageConcerns, ...securityConcerns], selfHosted };
}
