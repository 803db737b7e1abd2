import { isDependencyManifest } from "../adr/dependency-changes.js";
import { detectInfraChanges, type FileChange, type InfraChange } from "../adr/detect-infra-changes.js";
import { readAdr, type AdrSummary } from "../adr/read-adr.js";
import { brokenSupersedeLinks, findRelatedAdrs, type RelatedAdr } from "../adr/related-adrs.js";
import type { AdrResolution } from "../adr/render-comment.js";
import type { ChangedFile, ChangeRef, FileView } from "../ports/repository-view.js";
import { adrDirectoryOf, type Config } from "../schemas/config.js";
import { recordFilesIn } from "../schemas/data-files.js";

/** Where ADRs commonly live besides the configured directory (adr-tools, MADR). */
export const communityAdrDirectories = ["docs/adr", "doc/adr", "docs/decisions", "docs/architecture/decisions"];
const maxAdrsRead = 200;

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

export interface AdrAssessment {
  /** The changes that count as infrastructure, each with its category and reason. */
  changes: InfraChange[];
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
}

export interface AdrAssessmentInput {
  change: ChangeRef;
  changed: readonly ChangedFile[];
  config: Config;
  /** The pull request's labels and description (the skip label, `ADR-Exempt:`); none for a local change. */
  labels?: readonly string[];
  body?: string;
  /** Read the existing ADRs only when suggesting (the PR check, to save requests), or always (the CLI's warnings). */
  readAdrs: "when-suggesting" | "always";
}

/**
 * Does this change carry an infrastructure decision that deserves an ADR? The same answer for a
 * pull request (App, Action) and for the working tree (`cto-copilot adr check`):
 *
 * 1. Read dependency manifests at the base and the head (only when one changed).
 * 2. Detect infrastructure changes by category.
 * 3. Find what resolves the need: an ADR added, the skip label, an `ADR-Exempt:` line.
 * 4. Read the existing ADRs for related decisions and broken supersede links.
 */
export async function assessAdrNeed(view: FileView, input: AdrAssessmentInput): Promise<AdrAssessment> {
  const { change, changed, config } = input;
  const manifests = changed.filter((file) => isDependencyManifest(file.path)).map((file) => file.path);
  const directories = [...new Set([adrDirectoryOf(config), ...communityAdrDirectories])];
  const [head, base] =
    manifests.length > 0
      ? await Promise.all([
          view.readContents(change.headSha, { files: manifests }),
          view.readContents(change.baseSha, { files: manifests }),
        ])
      : [undefined, undefined];
  const files: FileChange[] = changed.map((file) => ({
    path: file.path,
    status: file.status,
    additions: file.additions,
    deletions: file.deletions,
    ...(file.patch !== undefined ? { patch: file.patch } : {}),
    ...(manifests.includes(file.path)
      ? {
          before: base?.files.get(file.previousPath ?? file.path)?.text ?? undefined,
          after: head?.files.get(file.path)?.text ?? undefined,
        }
      : {}),
  }));
  const changes = detectInfraChanges(files, config.adr);

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
  const suggested = changes.length > 0 && !resolution;

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
  return {
    changes,
    ...(resolution ? { resolution } : {}),
    suggested,
    directories,
    related: changes.length > 0 ? findRelatedAdrs(adrs, changes) : [],
    notes: brokenSupersedeLinks(adrs),
  };
}
