import type { Dependency, Manifest } from "./manifest.js";
import { dependency } from "./manifest.js";

/**
 * mix.exs is Elixir: the `{:name, ...}` tuples of `deps` are read by pattern. One limited to
 * other environments (`only: :test`, `only: [:dev, :test]`) is dev.
 */
export function readMix(path: string, text: string): Manifest {
  const deps: Dependency[] = [];
  const code = text.replace(/#.*$/gm, "");
  for (const match of code.matchAll(/\{\s*:(\w+)\s*,([^{}]*)\}/g)) {
    const only = /\bonly:\s*(:\w+|\[[^\]]*\])/.exec(match[2]!)?.[1];
    deps.push(dependency(match[1]!, only !== undefined && !only.includes(":prod")));
  }
  return { path, ecosystem: "elixir", dependencies: deps, role: "application" };
}
