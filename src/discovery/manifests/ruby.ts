import type { Dependency, Manifest } from "./manifest.js";
import { dependency } from "./manifest.js";

const devGroups = /:(development|test)\b|["'](development|test)["']/;

/**
 * Gemfile is Ruby: gems are read by pattern, with the groups they sit in. A `group
 * :development, :test do ... end` block (or `group: :test` on the line) marks dev gems;
 * every other `... do` block (`platforms`, `source`) is followed only to match its `end`.
 */
export function readGemfile(path: string, text: string): Manifest {
  const deps: Dependency[] = [];
  const blocks: boolean[] = []; // whether each open block is a development/test group
  for (const raw of text.split("\n")) {
    const line = raw.replace(/#.*/, "").trim();
    if (/^end\b/.test(line)) {
      blocks.pop();
      continue;
    }
    const gem = /^gem\s+["']([^"']+)["'](.*)$/.exec(line);
    if (gem) {
      const inline = /\bgroups?:\s*(\[[^\]]*\]|:\w+)/.exec(gem[2]!)?.[1] ?? "";
      deps.push(dependency(gem[1]!.toLowerCase(), blocks.some(Boolean) || devGroups.test(inline)));
      continue;
    }
    if (/\bdo(\s*\|[^|]*\|)?$/.test(line)) {
      const group = /^group\s+(.*?)\s+do/.exec(line)?.[1];
      // `group :development, :test` is dev; a group that includes production code is not.
      blocks.push(group !== undefined && devGroups.test(group) && !/:(default|production)\b/.test(group));
    }
  }
  return { path, ecosystem: "ruby", dependencies: deps, role: "application" };
}
