/**
 * Limits on YAML that anyone can write in a pull request (the config, Compose files, charts,
 * manifests, templates), checked before the parser sees it: the `yaml` library recurses once per
 * nesting level and takes time super-linear in nested explicit keys (`? ? ? …`: 8 KB took 18 s,
 * 16 KB 99 s). The config reader, the ADR readers and discovery all read YAML under these.
 */
export const maxYamlNesting = 64;
/** Characters of one YAML file parsed at most (configs are a few hundred; Compose files and charts a few thousand). */
export const maxYamlLength = 64 * 1024;
/**
 * Alias expansions per anchor at most (uses times the aliases inside it): a large self-hosted
 * Compose file reuses its defaults hundreds of times (60 services merging defaults that hold 9
 * aliases: 540), a "billion laughs" nests them to millions.
 */
export const maxYamlAliases = 10_000;
/** The config is a few dozen lines: a few anchors reused at most, so its limit stays low. */
export const maxConfigYamlAliases = 100;

/**
 * Where a YAML text first nests deeper than the limit — block sequences and explicit keys opened
 * on one line (`- - - x`, `? ? ? x`), or flow collections (`[[[`, `{{{`) — or -1. One pass.
 */
export function yamlTooDeepAt(text: string): number {
  let flow = 0;
  let markers = 0;
  let inPrefix = true; // still among the blanks, `- ` and `? ` that open a line
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") {
      markers = 0;
      inPrefix = true;
    } else if (c === "[" || c === "{") {
      inPrefix = false;
      if (++flow > maxYamlNesting) return i;
    } else if (c === "]" || c === "}") {
      inPrefix = false;
      flow = Math.max(0, flow - 1);
    } else if ((c === "-" || c === "?" || c === ":") && inPrefix && (text[i + 1] === " " || text[i + 1] === "\t")) {
      if (++markers > maxYamlNesting) return i;
    } else if (c !== " " && c !== "\t") inPrefix = false;
  }
  return -1;
}
