import type { AdrAiClassification } from "../adr/ai-classification.js";
import {
  categoryOf,
  compileDetector,
  detectInfraChanges,
  type FileChange,
  type InfraChange,
  type SeenChange,
} from "../adr/detect-infra-changes.js";
import { readAdr, type AdrSummary } from "../adr/read-adr.js";
import { isLockfile } from "../adr/readers/runtimes.js";
import { isReusableModule } from "../text/terraform-module-kind.js";
import { brokenSupersedeLinks, findRelatedAdrs, type RelatedAdr } from "../adr/related-adrs.js";
import type { AdrResolution } from "../adr/render-comment.js";
import type { ChangedFile, ChangeRef, FileView, RepositoryContents } from "../ports/repository-view.js";
import { adrDirectoryOf, type Config } from "../schemas/config.js";
import { recordFilesIn } from "../schemas/data-files.js";

/** Where ADRs commonly live besides the configured directory (adr-tools, MADR). */
const communityAdrDirectories = ["docs/adr", "doc/adr", "docs/decisions", "docs/architecture/decisions"];
const maxAdrsRead = 200;
/** Infrastructure files read (both versions) per change; a change of thousands is judged on its first ones. */
const maxFilesRead = 500;

/** An `ADR-Exempt: <reason>` line in the PR description waives the suggestion. */
export function exemptionReason(body: string): string | undefined {
  // Line by line, not one regex over the body: a 64 K-character description must not backtrack.
  for (const line of body.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed.slice(0, 11).toLowerCase() !== "adr-exempt:") continue;
    const reason = trimmed.slice(11).trim();
    if (reason) return reason;
  }
  return undefined;
}

/** Terraform directories whose kind is read (their `.tf` files at the head), at most: a change across hundreds is judged on the first. */
const maxTerraformDirectories = 20;
const maxTerraformDirectoryFiles = 200;

const directoryOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf("/")));

/** The directories of the changed Terraform files (at most `maxTerraformDirectories`), whose kind is read. */
function terraformDirectories(claimed: readonly ChangedFile[]): string[] {
  const directories = claimed
    .filter((file) => file.status !== "removed" && /\.tf$/.test(file.path))
    .map((file) => directoryOf(file.path));
  return [...new Set(directories)].slice(0, maxTerraformDirectories);
}

/**
 * The changed Terraform directories that are reusable modules, read from all their `.tf` files at
 * the head (a module's provider settings or variables are rarely in the files a change touches):
 * what a module adds is opt-in for its users, what a deployed configuration adds is deployed.
 * The listings come with the head's read; only the files the change did not touch are read here.
 */
async function reusableModuleDirectories(
  view: FileView,
  headSha: string,
  head: RepositoryContents | undefined,
): Promise<Set<string>> {
  if (head === undefined || head.directories.size === 0) return new Set();
  const paths = [...head.directories]
    .flatMap(([directory, names]) =>
      names.filter((name) => name.endsWith(".tf")).map((name) => (directory ? `${directory}/${name}` : name)),
    )
    .slice(0, maxTerraformDirectoryFiles);
  const unread = paths.filter((path) => !head.files.has(path));
  const siblings =
    unread.length > 0 ? (await view.readContents(headSha, { files: unread, maxBytes: 1024 * 1024 })).files : new Map();
  const texts = new Map<string, string[]>();
  for (const path of paths) {
    const text = (head.files.get(path) ?? siblings.get(path))?.text;
    if (text != null) texts.set(directoryOf(path), [...(texts.get(directoryOf(path)) ?? []), text]);
  }
  return new Set([...texts].filter(([, inDirectory]) => isReusableModule(inDirectory)).map(([directory]) => directory));
}

export interface AdrAssessment {
  /** The infrastructure decisions the change carries, each with its category and reason. */
  changes: InfraChange[];
  /** Every infrastructure change seen, decisions or not, with its weight (`adr.report: all`). */
  seen: SeenChange[];
  /** The decisions' weights added up; an ADR is suggested from `adr.threshold` on. */
  score: number;
  /** Why no ADR is needed after all: one is added, the skip label, an `ADR-Exempt:` line. */
  resolution?: AdrResolution;
  /** True when an ADR is suggested: infrastructure changed and nothing resolves it. */
  suggested: boolean;
  /** The ADR directories looked in (configured first). */
  directories: string[];
  /** ADRs in force that concern the same area (read only when they matter). */
  related: RelatedAdr[];
  /** Broken supersede links among the existing ADRs. */
  notes: string[];
  /** With `ai.enabled`, a near-threshold change as the model judged it (`classify-adr-need.ts`): `suggested` follows it. */
  aiClassification?: AdrAiClassification;
}

export interface AdrAssessmentInput {
  change: ChangeRef;
  changed: readonly ChangedFile[];
  config: Config;
  /** The pull request's labels and description (the skip label, `ADR-Exempt:`); none for a local change. */
  labels?: readonly string[];
  body?: string;
  /** What the change says of itself: the pull request's title, or a local change's commit subjects. */
  statements?: readonly string[];
  /** Infrastructure files read (both versions) at most: 500 over the API by default; the CLI reads them all. */
  readLimit?: number;
  /** Read the existing ADRs only when suggesting (the PR check, to save requests), or always (the CLI's warnings). */
  readAdrs: "when-suggesting" | "always";
}

/**
 * Does this change carry an infrastructure decision that deserves an ADR? The same answer for a
 * pull request (App, Action) and for the working tree (`cto-copilot adr check`):
 *
 * 1. Read both versions of every file an infrastructure category claims.
 * 2. Let each category's reader say which changes are decisions; weigh them (`adr.categories.*.weight`).
 * 3. Find what resolves the need: an ADR added, the skip label, an `ADR-Exempt:` line.
 * 4. Read the existing ADRs for related decisions and broken supersede links.
 */
export async function assessAdrNeed(view: FileView, input: AdrAssessmentInput): Promise<AdrAssessment> {
  const { change, changed, config } = input;
  const directories = [...new Set([adrDirectoryOf(config), ...communityAdrDirectories])];
  // Both versions of every file a category claims (and of YAML whose diff shows a manifest): the readers judge meaning, not paths.
  const compiled = compileDetector(config.adr);
  const candidates = changed.filter(
    (file) =>
      categoryOf(file, config.adr, compiled) !== undefined ||
      // A GitOps manifest's diff may show only a chart version: any YAML outside examples, tests and docs is read.
      (/\.ya?ml$/.test(file.path) && !compiled.ignored(file.path) && !compiled.excluded(file.path)),
  );
  const limit = input.readLimit ?? maxFilesRead;
  // A lockfile tells its package manager by its name: its (often megabytes of) contents are never read.
  const claimed = candidates.slice(0, limit).filter((file) => !isLockfile(file.path));
  const headPaths = claimed.filter((file) => file.status !== "removed").map((file) => file.path);
  const basePaths = claimed.filter((file) => file.status !== "added").map((file) => file.previousPath ?? file.path);
  const [head, base] = await Promise.all([
    headPaths.length > 0
      ? view.readContents(change.headSha, { files: headPaths, directories: terraformDirectories(claimed) })
      : undefined,
    basePaths.length > 0 ? view.readContents(change.baseSha, { files: basePaths }) : undefined,
  ]);
  const files: FileChange[] = changed.map((file) => ({
    path: file.path,
    status: file.status,
    additions: file.additions,
    deletions: file.deletions,
    ...(file.previousPath !== undefined ? { previousPath: file.previousPath } : {}),
    ...(file.patch !== undefined ? { patch: file.patch } : {}),
    ...(file.status !== "added" && base?.files.get(file.previousPath ?? file.path)?.text != null
      ? { before: base.files.get(file.previousPath ?? file.path)!.text! }
      : {}),
    ...(file.status !== "removed" && head?.files.get(file.path)?.text != null
      ? { after: head.files.get(file.path)!.text! }
      : {}),
  }));
  const seen = detectInfraChanges(files, config.adr, {
    reusableModuleDirectories: await reusableModuleDirectories(view, change.headSha, head),
    statements: input.statements ?? [],
  });
  const changes: InfraChange[] = seen
    .filter((found) => found.decision && found.weight > 0)
    .map(({ file, category, reason, technologies }) => ({ file, category, reason, technologies }));
  const score = seen.reduce((sum, found) => sum + found.weight, 0);

  const addedAdrs = recordFilesIn(
    changed.filter((file) => file.status !== "removed").map((file) => file.path),
    directories,
  );
  const waiver = exemptionReason(input.body ?? "");
  const resolution: AdrResolution | undefined =
    addedAdrs.length > 0
      ? { kind: "adr-added", files: addedAdrs }
      : (input.labels ?? []).includes(config.adr.skipLabel)
        ? { kind: "label", label: config.adr.skipLabel }
        : waiver
          ? { kind: "waiver", reason: waiver }
          : undefined;
  const suggested = changes.length > 0 && score >= config.adr.threshold && !resolution;

  let adrs: AdrSummary[] = [];
  if (suggested || input.readAdrs === "always") {
    const listing = await view.readContents(change.headSha, { directories });
    const adrPaths = [...listing.directories]
      .flatMap(([dir, names]) =>
        recordFilesIn(
          names.map((name) => `${dir}/${name}`),
          directories,
        ),
      )
      .sort()
      .reverse()
      .slice(0, maxAdrsRead);
    const texts = adrPaths.length > 0 ? await view.readContents(change.headSha, { files: adrPaths }) : undefined;
    adrs = adrPaths.flatMap((path) => {
      const text = texts?.files.get(path)?.text;
      return text ? [readAdr(path, text)] : [];
    });
  }
  const unreadable = seen
    .filter((found) => found.problem)
    .map((found) => `${found.file} ${found.reason}; its dependencies were not compared.`);
  if (candidates.length > limit)
    unreadable.push(`${candidates.length - limit} infrastructure files beyond the first ${limit} were not read.`);
  return {
    changes,
    seen,
    score,
    ...(resolution ? { resolution } : {}),
    suggested,
    directories,
    related: changes.length > 0 ? findRelatedAdrs(adrs, changes) : [],
    notes: [...unreadable, ...brokenSupersedeLinks(adrs)],
  };
}
