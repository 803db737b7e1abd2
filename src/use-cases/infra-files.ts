import { categoryOf, compileDetector } from "../adr/detect-infra-changes.js";
import type { FileView } from "../ports/repository-view.js";
import type { FitFile } from "../fit/assess-fit.js";
import type { CheckInput } from "./pull-request-check.js";
import type { PullRequestSnapshot } from "./pull-request.js";

/** Infrastructure files read (both versions) per change, as the ADR suggestion reads them. */
const maxFilesRead = 500;

const isTerraform = (path: string) => /\.(tf|tofu)$|\.tf\.json$/.test(path);
const isYamlWorthReading = (path: string, patch: string | undefined) =>
  /(^|\/)Chart\.ya?ml$/.test(path) || (/\.ya?ml$/.test(path) && /^[+-]\s*(apiVersion|kind):/m.test(patch ?? ""));

/** The infrastructure files of one review, both versions, read once (cost and fit share them; the ADR suggestion reads them from the cache). */
const reads = new WeakMap<PullRequestSnapshot, Promise<InfraFiles>>();

export interface InfraFiles {
  files: FitFile[];
  /** Infrastructure files beyond the limit, not read. */
  unread: number;
}

/**
 * Both versions of the files the cost and the fit judge: the Terraform files, the YAML that is
 * a chart or a manifest, and whatever else the ADR suggestion reads (so its read is a cache hit).
 * Every other changed file comes with its path and status only.
 */
export function readInfraFiles(
  view: FileView,
  input: Pick<CheckInput, "pr" | "snapshot" | "reading">,
): Promise<InfraFiles> {
  const cached = reads.get(input.snapshot);
  if (cached) return cached;
  const read = readBothVersions(view, input);
  reads.set(input.snapshot, read);
  return read;
}

async function readBothVersions(
  view: FileView,
  input: Pick<CheckInput, "pr" | "snapshot" | "reading">,
): Promise<InfraFiles> {
  const { changed, resolved } = input.snapshot;
  const compiled = compileDetector(resolved.config.adr);
  const candidates = changed.filter(
    (file) =>
      isTerraform(file.path) ||
      isYamlWorthReading(file.path, file.patch) ||
      categoryOf(file, resolved.config.adr, compiled) !== undefined,
  );
  const limit = input.reading?.readLimit ?? maxFilesRead;
  const claimed = candidates.slice(0, limit);
  const headPaths = claimed.filter((file) => file.status !== "removed").map((file) => file.path);
  const basePaths = claimed.filter((file) => file.status !== "added").map((file) => file.previousPath ?? file.path);
  const [head, base] = await Promise.all([
    headPaths.length > 0 ? view.readContents(input.pr.headSha, { files: headPaths }) : undefined,
    basePaths.length > 0 ? view.readContents(input.pr.baseSha, { files: basePaths }) : undefined,
  ]);
  const files = changed.map((file): FitFile => {
    const before = file.status === "added" ? undefined : base?.files.get(file.previousPath ?? file.path)?.text;
    const after = file.status === "removed" ? undefined : head?.files.get(file.path)?.text;
    return {
      path: file.path,
      status: file.status,
      ...(file.previousPath !== undefined ? { previousPath: file.previousPath } : {}),
      ...(before != null ? { before } : {}),
      ...(after != null ? { after } : {}),
    };
  });
  return { files, unread: Math.max(0, candidates.length - limit) };
}
