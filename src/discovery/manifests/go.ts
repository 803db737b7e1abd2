import type { Dependency, Manifest } from "./manifest.js";
import { dependency } from "./manifest.js";

/** `github.com/labstack/echo/v4` -> `github.com/labstack/echo`: major versions 2+ live at a /vN path of the same module. */
const goModuleName = (path: string) => path.replace(/\/v\d+$/, "");

/**
 * go.mod: the modules required directly (`// indirect` ones are pulled in by others and say
 * nothing of what the project chose). Go has no dev dependencies.
 */
export function readGoMod(path: string, text: string): Manifest {
  const deps: Dependency[] = [];
  let inBlock = false;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (/^require\s*\($/.test(line)) {
      inBlock = true;
      continue;
    }
    if (inBlock && line.startsWith(")")) inBlock = false;
    const entry = inBlock ? line : /^require\s+(.*)$/.exec(line)?.[1];
    const match = entry ? /^(\S+)\s+v\S+/.exec(entry) : null;
    if (match && !entry!.includes("// indirect")) deps.push(dependency(goModuleName(match[1]!), false));
  }
  return { path, ecosystem: "go", dependencies: deps, role: "application" };
}

/** go.work: the modules of the workspace (`use ./services/api` or a `use ( ... )` block). */
export function goWorkModules(text: string): string[] {
  const modules: string[] = [];
  let inBlock = false;
  for (const raw of text.split("\n")) {
    const line = raw.replace(/\/\/.*/, "").trim();
    if (/^use\s*\($/.test(line)) inBlock = true;
    else if (inBlock && line === ")") inBlock = false;
    else {
      const module = inBlock ? line : /^use\s+(\S+)/.exec(line)?.[1];
      if (module) modules.push(module.replace(/^\.\//, ""));
    }
  }
  return modules;
}
