import { clean, difference, listed, reasonText, type ReadFile, type Signal } from "./signal.js";

/** A Helmfile: a YAML file with a top-level `releases:` list whose entries name a `chart`. */
export const looksLikeHelmfile = (text: string | undefined) =>
  text !== undefined && /^releases:[ \t]*$/m.test(text) && /^[ \t]+(?:-[ \t]+)?chart:[ \t]*\S/m.test(text);

/**
 * The releases a Helmfile declares, `name` (and namespace) -> chart. Read line by line, not
 * parsed: Helmfiles hold Go templates (`{{ .Values.x }}`) that are not YAML until Helmfile
 * renders them, and each release is a few `key: value` lines of a list.
 */
function releasesOf(text: string | undefined): Map<string, string> {
  const releases = new Map<string, string>();
  let inReleases = false;
  let current: Record<string, string> | undefined;
  const keep = () => {
    if (current?.name && current.chart)
      releases.set(
        current.namespace && current.namespace !== current.name
          ? `${current.name} (${current.namespace})`
          : current.name,
        current.chart,
      );
  };
  for (const line of (clean(text) ?? "").split("\n")) {
    if (/^releases:[ \t]*$/.test(line)) {
      inReleases = true;
      continue;
    }
    // Another top-level key ends the list (`---` starts another document); a template line (`{{- if … }}`) does not.
    if (/^[A-Za-z_][\w-]*:/.test(line) || line.startsWith("---")) {
      keep();
      current = undefined;
      inReleases = false;
      continue;
    }
    if (!inReleases) continue;
    const item = /^[ \t]*-[ \t]+(name|chart|namespace):[ \t]*["']?([^"'\s#]+)/.exec(line);
    if (item) {
      keep();
      current = { [item[1]!]: item[2]! };
      continue;
    }
    const field = /^[ \t]+(name|chart|namespace):[ \t]*["']?([^"'\s#]+)/.exec(line);
    if (field && current && current[field[1]!] === undefined) current[field[1]!] = field[2]!;
  }
  keep();
  return releases;
}

/** `oci://registry-1.docker.io/bitnamicharts/redis` and `bitnami/redis` -> `redis`: the chart, wherever it comes from. */
const chartName = (chart: string) => chart.split("/").pop()!.toLowerCase();

/**
 * Helmfiles (`helmfile.yaml`, one per cluster in `clusters/`...). A decision: a Helmfile added or
 * removed with its releases (a new or retired deployment target), a release added or removed (a
 * new component on the cluster), a release's chart replaced by another chart (Bitnami's Redis by
 * an HA chart). Chart versions, values and secrets are not.
 */
export function readHelmfiles(files: readonly ReadFile[]): Signal[] {
  return files.map((file): Signal => {
    const before = releasesOf(file.before);
    const after = releasesOf(file.after);
    const say = (decision: boolean, reason: string, technologies: string[]) => ({
      file: file.path,
      decision,
      reason: reasonText(reason),
      technologies: ["helm", ...technologies],
    });
    if (file.before === undefined || file.after === undefined) {
      const releases = [...(file.after === undefined ? before : after).keys()];
      const verb = file.after === undefined ? "removes" : "new";
      return say(
        releases.length > 0,
        `${verb} Helmfile ${file.path} (${releases.length} release${releases.length === 1 ? "" : "s"}: ${listed(releases)})`,
        releases,
      );
    }
    const { added, removed } = difference(before.keys(), after.keys());
    const rechartered = [...after].filter(
      ([name, chart]) => before.has(name) && chartName(before.get(name)!) !== chartName(chart),
    );
    const parts = [
      ...(added.length > 0 ? [`adds release ${listed(added)}`] : []),
      ...(removed.length > 0 ? [`removes release ${listed(removed)}`] : []),
      ...rechartered.map(([name, chart]) => `release ${name}: chart ${before.get(name)} -> ${chart}`),
    ];
    if (parts.length === 0) return say(false, "chart versions, values or secrets only", []);
    return say(true, `${parts.join("; ")} in ${file.path.split("/").pop()}`, [
      ...added,
      ...removed,
      ...rechartered.map(([name]) => name),
    ]);
  });
}
