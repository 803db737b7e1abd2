import { posix } from "node:path";
import { proposeServices, type ServiceProposal, type WorkspacePackage } from "../discovery/services.js";
import type { DeliveryView, FileView, TreeView } from "../ports/repository-view.js";
import { jsonRecord } from "../text/records.js";

/** Package manifests of a workspace: below the root, outside dependencies and fixtures, at most four levels down. */
const packageManifest = (path: string) =>
  /(^|\/)package\.json$/.test(path) &&
  path.includes("/") &&
  !/(^|\/)(node_modules|fixtures?|__fixtures__|test|tests|examples?|playground)\//.test(path) &&
  path.split("/").length <= 5;

/**
 * The services `dora.services` could hold (discovery's proposal for `init --discover`): the
 * workspace packages, read from their package.json, held against every tag of the repository.
 */
export async function proposeServicesFor(
  view: TreeView & FileView & DeliveryView,
  options: { ref: string; branch: string },
): Promise<ServiceProposal[]> {
  const listing = await view.listTree(options.ref);
  const manifests = [...listing.byDirectory]
    .flatMap(([directory, names]) =>
      names.includes("package.json") ? [directory === "" ? "package.json" : `${directory}/package.json`] : [],
    )
    .filter(packageManifest)
    .sort();
  if (manifests.length === 0) return [];
  const [contents, tags] = await Promise.all([
    view.readContents(options.ref, { files: manifests, maxBytes: 256 * 1024 }),
    view.readDeployments({
      source: "tags",
      environment: "production",
      tagPattern: "**",
      branch: options.branch,
      since: 0,
    }),
  ]);
  const packages: WorkspacePackage[] = manifests.map((path) => {
    const manifest = jsonRecord(contents.files.get(path)?.text ?? undefined);
    const name = typeof manifest?.name === "string" ? manifest.name : undefined;
    const version = typeof manifest?.version === "string" ? manifest.version : undefined;
    return { directory: posix.dirname(path), ...(name ? { name } : {}), ...(version ? { version } : {}) };
  });
  return proposeServices(
    packages,
    tags.deployments.map((tag) => tag.ref),
  );
}
