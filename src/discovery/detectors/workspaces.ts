import type { Findings } from "../findings.js";
import { goWorkModules } from "../manifests/go.js";
import type { Repository } from "../repository.js";
import { jsonRecord } from "../../text/records.js";
import { yamlRecord } from "../../text/yaml-records.js";
import { quoted, strings } from "../text.js";
import type { ListedManifest } from "./manifests.js";

const shown = (members: readonly string[]) =>
  members.slice(0, 4).map(quoted).join(", ") + (members.length > 4 ? ` and ${members.length - 4} more` : "");

/**
 * How the repository is split into packages (pnpm / npm / Yarn workspaces, Lerna, Turborepo,
 * Nx, a Go workspace, a Cargo workspace, Maven modules): a note for the backend. Every
 * member is looked at anyway, as every manifest in the listing is.
 */
export function detectWorkspaces(repo: Repository, manifests: readonly ListedManifest[], findings: Findings): void {
  const add = (value: string, source: string, reason: string) =>
    findings.add({ topic: "repository.workspaces", value, source, reason, weight: 1 });
  for (const path of repo.files("pnpm-workspace")) {
    const packages = strings(yamlRecord(repo.text(path))?.packages);
    add("pnpm workspaces", path, packages.length > 0 ? `packages ${shown(packages)} in ${path}` : path);
  }
  for (const path of repo.files("lerna")) {
    const packages = strings(jsonRecord(repo.text(path))?.packages);
    add("Lerna", path, packages.length > 0 ? `packages ${shown(packages)} in ${path}` : path);
  }
  for (const path of repo.files("turbo")) add("Turborepo", path, `Turborepo configuration (${path})`);
  for (const path of repo.files("nx")) add("Nx", path, `Nx workspace configuration (${path})`);
  for (const path of repo.files("go-work")) {
    const modules = goWorkModules(repo.text(path) ?? "");
    add("Go workspace", path, modules.length > 0 ? `modules ${shown(modules)} in ${path}` : path);
  }
  for (const listed of manifests) {
    const members = listed.manifest?.workspaces;
    if (!members) continue;
    const value =
      listed.ecosystem === "node"
        ? "npm workspaces"
        : listed.ecosystem === "rust"
          ? "Cargo workspace"
          : "Maven modules";
    // pnpm reads its own file; a package.json `workspaces` beside it is Yarn's or npm's.
    if (value === "npm workspaces" && repo.files("pnpm-workspace").length > 0) continue;
    add(
      value,
      listed.path,
      `${listed.ecosystem === "node" ? "workspaces" : "members"} ${shown(members)} in ${listed.path}`,
    );
  }
}
