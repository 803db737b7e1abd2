import { record } from "../../text/records.js";
import { workloadImageLineMoves } from "./containers.js";
import { clean, difference, listed, reasonText, yamlMapping, type ReadFile, type Signal } from "./signal.js";

/** Kinds whose arrival is a decision: state, scheduled work, node-level agents, traffic entry, API extensions. */
const decisiveKinds = new Set([
  "StatefulSet",
  "CronJob",
  "DaemonSet",
  "Ingress",
  "IngressRoute",
  "Gateway",
  "HTTPRoute",
  "VirtualService",
  "CustomResourceDefinition",
  // GitOps: a Flux HelmRelease or an Argo CD Application is a workload or controller the cluster now runs.
  "HelmRelease",
  "Application",
  "ApplicationSet",
]);

/** What a GitOps object pins: a HelmRelease's chart and its major, where a Flux object takes its source from. */
interface GitOpsFacts {
  chartMajor?: string;
  chart?: string;
  source?: string;
}

/** Flux HelmRelease and Kustomization objects of a manifest, read as YAML, by `Kind/name`. */
function gitOpsFacts(text: string | undefined): Map<string, GitOpsFacts> {
  const facts = new Map<string, GitOpsFacts>();
  const cleaned = clean(text);
  if (cleaned === undefined || !/^kind:\s*["']?(HelmRelease|Kustomization)\b/m.test(cleaned)) return facts;
  for (const chunk of cleaned.split(/^---.*$/m)) {
    if (!/^apiVersion:\s*\S*fluxcd\.io/m.test(chunk)) continue;
    const doc = yamlMapping(chunk);
    const kind = String(doc?.kind ?? "");
    const name = String(record(doc?.metadata).name ?? "");
    const spec = record(doc?.spec);
    const chartSpec = record(record(spec.chart).spec);
    const version = typeof chartSpec.version === "string" ? chartSpec.version : undefined;
    const sourceKind = record(spec.sourceRef).kind ?? record(chartSpec.sourceRef).kind;
    facts.set(`${kind}/${name}`, {
      ...(typeof chartSpec.chart === "string" ? { chart: chartSpec.chart } : {}),
      ...(version !== undefined && /\d/.test(version) ? { chartMajor: /(\d+)/.exec(version)![1]! } : {}),
      ...(typeof sourceKind === "string" ? { source: sourceKind } : {}),
    });
  }
  return facts;
}

/** GitOps objects that stay but change what they deploy: a chart on another major, another kind of source. */
function gitOpsChanges(before: Map<string, GitOpsFacts>, after: Map<string, GitOpsFacts>): string[] {
  const changes: string[] = [];
  for (const [object, next] of after) {
    const old = before.get(object);
    if (!old) continue;
    if (old.chartMajor !== undefined && next.chartMajor !== undefined && old.chartMajor !== next.chartMajor)
      changes.push(
        `${object} moves chart ${next.chart ?? ""} ${old.chartMajor}.x -> ${next.chartMajor}.x`.replace("  ", " "),
      );
    if (old.source !== undefined && next.source !== undefined && old.source !== next.source)
      changes.push(`${object} now takes its source from a ${next.source} (was ${old.source})`);
  }
  return changes;
}

/**
 * `Kind/name` of every object in a manifest or Helm template, read by pattern (templates are not
 * YAML until rendered): a top-level `kind:` and the first `name:` under `metadata:`.
 */
function objectsIn(text: string | undefined): string[] {
  const cleaned = clean(text);
  if (cleaned === undefined) return [];
  return cleaned.split(/^---.*$/m).flatMap((doc) => {
    const kind = /^kind:\s*["']?([A-Za-z]\w*)/m.exec(doc)?.[1];
    if (!kind) return [];
    // One way to match each line (an indented line starts with a non-blank after its indent): linear on any document.
    const name =
      /^metadata:[^\n]*\n(?:[ \t]+\S[^\n]*\n|[ \t]*\n)*?[ \t]+name:[ \t]*([^\n#]+)/m.exec(doc)?.[1]?.trim() ?? "";
    return [`${kind}/${name}`];
  });
}

/** Chart values whose `enabled: true` brings in a component: traffic from outside, or a datastore subchart. */
const decisiveToggles =
  /^(ingress|gateway|httproute|route|postgresql|postgres|mysql|mariadb|redis|mongodb|kafka|rabbitmq|elasticsearch|opensearch|minio|cassandra|clickhouse|memcached|nats)$/i;

const workloadKinds = new Set(["Deployment", "StatefulSet", "DaemonSet"]);
const isWorkload = (object: string) => workloadKinds.has(object.split("/")[0]!);

/**
 * Workloads in manifest files that are new, where the change shows no workload before: somewhere
 * new to run the software (a `kubernetes/` directory beside a compose setup, a first app in a
 * cluster repository). A Deployment added next to existing ones, or moved between files, is not;
 * nor is a Helm chart's new template (a feature of the chart, whose other templates are unchanged).
 */
function newWorkloads(files: readonly ReadFile[], before: Map<string, string>, after: Map<string, string>): string[] {
  if ([...before.keys()].some(isWorkload)) return [];
  const newFiles = new Set(
    files.filter((file) => file.before === undefined && !/(^|\/)templates\//.test(file.path)).map((file) => file.path),
  );
  return [...after].filter(([object, file]) => isWorkload(object) && newFiles.has(file)).map(([object]) => object);
}

/**
 * Deployments whose manifest file is deleted and that no other file keeps: a component the
 * cluster stops running (a dashboard, an agent). One moved to another file is not; nor is a Helm
 * chart's template deleted (a feature of the chart).
 */
function removedDeployments(
  files: readonly ReadFile[],
  before: Map<string, string>,
  after: Map<string, string>,
): string[] {
  const deleted = new Set(
    files.filter((file) => file.after === undefined && !/(^|\/)templates\//.test(file.path)).map((file) => file.path),
  );
  // A whole Deployment (a selector and a pod template), not a kustomize patch of one kept elsewhere.
  const whole = new Set(
    files
      .filter(
        (file) =>
          deleted.has(file.path) &&
          /^[ \t]+selector:/m.test(file.before ?? "") &&
          /^[ \t]+template:/m.test(file.before ?? ""),
      )
      .map((file) => file.path),
  );
  return [...before]
    .filter(([object, file]) => object.startsWith("Deployment/") && !after.has(object) && whole.has(file))
    .map(([object]) => object);
}

/** `ingress.enabled`, `postgresql.enabled`...: the toggles of a values file that are on. */
function enabledToggles(doc: Record<string, unknown> | undefined): Set<string> {
  const on = new Set<string>();
  const walk = (node: Record<string, unknown>, path: string[], depth: number) => {
    if (depth > 6) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "enabled" && value === true && path.length > 0 && decisiveToggles.test(path[path.length - 1]!))
        on.add(path.join("."));
      else if (value && typeof value === "object" && !Array.isArray(value))
        walk(value as Record<string, unknown>, [...path, key], depth + 1);
    }
  };
  if (doc) walk(doc, [], 0);
  return on;
}

const chartDependencies = (doc: Record<string, unknown> | undefined) =>
  (Array.isArray(doc?.dependencies) ? doc.dependencies : []).map((dependency) =>
    String(record(dependency).name ?? "?"),
  );

/** Each dependency's `condition` (`windowsExporter.enabled`), by name. */
const chartConditions = (doc: Record<string, unknown> | undefined) =>
  new Map(
    (Array.isArray(doc?.dependencies) ? doc.dependencies : []).flatMap((dependency) => {
      const { name, condition } = record(dependency);
      return typeof condition === "string" ? [[String(name ?? "?"), condition] as [string, string]] : [];
    }),
  );

/** A value at a dotted path of a values file (`windowsMonitoring.enabled`), or undefined. */
function valueAt(doc: Record<string, unknown> | undefined, path: string): unknown {
  let node: unknown = doc;
  for (const key of path.split(".")) node = record(node)[key];
  return node;
}

/**
 * Dependencies added under a condition that the chart's own values (changed in the same change)
 * turn off: an option the chart's users may switch on, as `count = var.x ? 1 : 0` is in a module.
 * A condition the values do not settle (or turn on) still brings the subchart in.
 */
function offByDefault(
  added: string[],
  chart: ReadFile,
  files: readonly ReadFile[],
  next: Record<string, unknown> | undefined,
): string[] {
  const conditions = chartConditions(next);
  const directory = chart.path.slice(0, chart.path.lastIndexOf("/") + 1);
  const values = yamlMapping(files.find((file) => file.path === `${directory}values.yaml`)?.after);
  return added.filter((name) => {
    const condition = conditions.get(name);
    // Helm takes the first path of a condition list that the values set.
    const settled = condition
      ?.split(",")
      .map((path) => valueAt(values, path.trim()))
      .find((value) => typeof value === "boolean");
    return settled === false;
  });
}

/** Charts that package any application from values alone (bjw-s's `app-template`, `common`, `onechart`, `raw`). */
const genericCharts = new Set(["app-template", "common", "onechart", "raw", "generic", "application"]);

/** An application's own chart swapped for a generic chart: how it is packaged, not what runs. */
const isRepackaging = (added: string[], removed: string[]) =>
  added.length > 0 && removed.length > 0 && added.every((name) => genericCharts.has(name));

const kustomizeParts = (doc: Record<string, unknown> | undefined) => [
  ...(Array.isArray(doc?.resources) ? doc.resources : [])
    .map(String)
    .filter((entry) => /:\/\/|^github\.com\//.test(entry)),
  ...(Array.isArray(doc?.helmCharts) ? doc.helmCharts : []).map(
    (chart) => `chart ${String(record(chart).name ?? "?")}`,
  ),
  ...(Array.isArray(doc?.components) ? doc.components : []).map((component) => `component ${String(component)}`),
];

/** A Helm chart added or removed, or its dependencies changed (one packaged differently, one off by default, are not decisions). */
function chartSignals(file: ReadFile, files: readonly ReadFile[]): Signal[] {
  const signal = (decision: boolean, reason: string, technologies: string[]): Signal => ({
    file: file.path,
    decision,
    reason: reasonText(reason),
    technologies: ["kubernetes", "helm", ...technologies],
  });
  const old = yamlMapping(file.before);
  const next = yamlMapping(file.after);
  const chart = String((next ?? old)?.name ?? file.path.split("/").slice(-2, -1)[0] ?? "chart");
  if (file.before === undefined) return [signal(true, `new Helm chart ${chart}`, [chart])];
  if (file.after === undefined) return [signal(true, `removes the Helm chart ${chart}`, [chart])];
  const { added: allAdded, removed } = difference(chartDependencies(old), chartDependencies(next));
  if (isRepackaging(allAdded, removed))
    return [
      signal(
        false,
        `chart dependency ${listed(removed)} -> ${listed(allAdded)}: the same application packaged by a generic chart`,
        allAdded,
      ),
    ];
  const optional = offByDefault(allAdded, file, files, next);
  const added = allAdded.filter((dependency) => !optional.includes(dependency));
  return [
    ...(added.length > 0 ? [signal(true, `adds chart dependency ${listed(added)}`, added)] : []),
    ...(optional.length > 0
      ? [signal(false, `adds chart dependency ${listed(optional)}: off by default (its users opt in)`, optional)]
      : []),
    ...(removed.length > 0 ? [signal(true, `removes chart dependency ${listed(removed)}`, removed)] : []),
  ];
}

/**
 * Kubernetes, Helm and Kustomize. A decision: a new chart, a dependency added to or removed from a
 * chart, a new StatefulSet / DaemonSet / Ingress / Gateway route / CRD, a remote base or chart
 * added to a kustomization, a workload's datastore or runtime image on another release line
 * (`postgres:10` -> `postgres:18`). Version bumps, values, replica counts, image tags within a
 * line, labels, docs, icons and NOTES.txt are not.
 *
 * Example: Chart.yaml `version: 1.4.2 -> 1.4.3` with a typo fixed in NOTES.txt -> not a decision;
 * a `dependencies:` entry for `postgresql` added -> "adds chart dependency postgresql".
 */
export function readOrchestration(files: readonly ReadFile[]): Signal[] {
  const signals: Signal[] = [];
  const decided = new Set<string>();
  const decide = (file: string, reason: string, technologies: string[]) => {
    signals.push({ file, decision: true, reason: reasonText(reason), technologies: ["kubernetes", ...technologies] });
    decided.add(file);
  };
  // Objects are compared over the whole change: moving a manifest between files is not a decision.
  const before = new Map<string, string>();
  const after = new Map<string, string>();
  const gitOpsBefore = new Map<string, GitOpsFacts>();
  const gitOpsAfter = new Map<string, GitOpsFacts>();
  const gitOpsFiles = new Map<string, string>();
  for (const file of files) {
    const name = file.path.split("/").pop()!;
    if (name === "Chart.yaml") {
      const found = chartSignals(file, files);
      signals.push(...found);
      if (found.length > 0) decided.add(file.path);
      continue;
    }
    if (/^values.*\.ya?ml$/.test(name)) {
      const { added } = difference(enabledToggles(yamlMapping(file.before)), enabledToggles(yamlMapping(file.after)));
      if (added.length > 0)
        decide(
          file.path,
          `enables ${listed(added)}`,
          added.map((toggle) => toggle.split(".").pop()!),
        );
      continue;
    }
    if (/^kustomization\.ya?ml$/.test(name)) {
      const { added, removed } = difference(
        kustomizeParts(yamlMapping(file.before)),
        kustomizeParts(yamlMapping(file.after)),
      );
      if (added.length > 0) decide(file.path, `kustomization adds ${listed(added)}`, ["kustomize"]);
      if (removed.length > 0) decide(file.path, `kustomization removes ${listed(removed)}`, ["kustomize"]);
      continue;
    }
    const moves = workloadImageLineMoves(file.before, file.after);
    if (moves.length > 0)
      decide(
        file.path,
        `moves ${listed(moves)}`,
        moves.map((move) => move.split(" ")[0]!),
      );
    for (const object of objectsIn(file.before)) before.set(object, file.path);
    for (const object of objectsIn(file.after)) after.set(object, file.path);
    for (const [object, facts] of gitOpsFacts(file.before)) gitOpsBefore.set(object, facts);
    for (const [object, facts] of gitOpsFacts(file.after)) {
      gitOpsAfter.set(object, facts);
      gitOpsFiles.set(object, file.path);
    }
  }
  for (const change of gitOpsChanges(gitOpsBefore, gitOpsAfter))
    decide(gitOpsFiles.get(change.split(" ")[0]!)!, change, ["flux"]);
  const decisive = (object: string) => decisiveKinds.has(object.split("/")[0]!);
  const { added, removed } = difference([...before.keys()].filter(decisive), [...after.keys()].filter(decisive));
  for (const object of added) decide(after.get(object)!, `adds ${object}`, [object.split("/")[0]!]);
  for (const object of removed) decide(before.get(object)!, `removes ${object}`, [object.split("/")[0]!]);
  for (const object of removedDeployments(files, before, after))
    decide(before.get(object)!, `removes ${object} (its manifest deleted)`, ["deployment"]);
  const arrived = newWorkloads(files, before, after);
  if (arrived.length > 0 && added.length === 0)
    decide(after.get(arrived[0]!)!, `first Kubernetes workloads in new manifests: ${listed(arrived, 3)}`, [
      "deployment",
    ]);
  for (const file of files) {
    if (decided.has(file.path)) continue;
    const name = file.path.split("/").pop()!;
    const reason =
      name === "Chart.yaml"
        ? "chart version or metadata only"
        : /^values.*\.ya?ml$/.test(name)
          ? "values only"
          : /\.(txt|md|tpl)$/.test(name)
            ? "notes, docs or helpers only"
            : "settings of existing objects only";
    signals.push({ file: file.path, decision: false, reason, technologies: ["kubernetes"] });
  }
  return signals;
}
