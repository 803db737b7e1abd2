import { posix } from "node:path";
import picomatch from "picomatch";
import type { ResolvedConfig } from "../config/resolve-config.js";
import type { CheckRunPlan } from "../github/check-runs.js";
import { dataDirOf } from "../schemas/config.js";
import { planDataCheck } from "../validate/check-report.js";
import { compareDiagnostics, type Diagnostic } from "../validate/diagnostic.js";
import { toDiagnostics } from "../validate/line-index.js";
import { classifyDataFile, validateDataFiles, type DataFile } from "../validate/validate-files.js";
import type { UseCaseContext } from "./context.js";
import { loadPullRequest, type PullRequestSnapshot } from "./pull-request.js";
import { publishCheck } from "./publish-check.js";

export interface PullRequestRef {
  number: number;
  headSha: string;
}

export type DataReviewOutcome =
  | { status: "skipped"; reason: string }
  | { status: "unchanged"; plan: CheckRunPlan; checkRunId: number }
  | { status: "posted"; plan: CheckRunPlan; checkRunId: number }
  /** The token may not create check runs (fork PR): the caller reports the plan another way. */
  | { status: "read-only"; plan: CheckRunPlan }
  /** Asked not to write: the plan is returned for the caller to show. */
  | { status: "dry-run"; plan: CheckRunPlan };

export interface ReviewOptions {
  /** Compute and return the plan without creating a check run. */
  dryRun?: boolean;
  /** Where the repository config lives (default `.github/cto-copilot.yml`). */
  configPath?: string;
  /** Config and changed files already read for this event (shared with the other use cases). */
  snapshot?: PullRequestSnapshot;
}

const encoder = new TextEncoder();

function dataFilesChanged(paths: readonly string[], config: ResolvedConfig["config"]): string[] {
  const dataDir = dataDirOf(config);
  const isIgnored = config.validation.ignore.length > 0 ? picomatch(config.validation.ignore, { dot: true }) : () => false;
  return paths.filter((path) => classifyDataFile(path, dataDir).type !== "ignored" && !isIgnored(posix.relative(dataDir, path)));
}

/**
 * Validates the data files a pull request changes, at its head commit, and reports one
 * `CTO Co-Pilot / data` check run per head sha. Redelivery is harmless: an identical
 * completed check is left as it is.
 */
export async function reviewDataFiles(context: UseCaseContext, pr: PullRequestRef, options: ReviewOptions = {}): Promise<DataReviewOutcome> {
  const { github } = context;
  const { configPath: configFile, sources, resolved, changed } = options.snapshot ?? (await loadPullRequest(context, pr, options.configPath));
  const { config } = resolved;
  const dataDir = dataDirOf(config);
  const present = changed.filter((file) => file.status !== "removed").map((file) => file.path);
  const dataPaths = dataFilesChanged(present, config);
  const configTouched = present.includes(configFile);
  const configBroken = !resolved.valid || resolved.repositoryFindings.length > 0;

  if (dataPaths.length === 0 && !configTouched && !configBroken && !config.validation.alwaysCheck) {
    return { status: "skipped", reason: `PR #${pr.number} changes no file under ${dataDir}/` };
  }

  const adrDirectory = `${dataDir}/adrs`;
  const contents = await github.readContents(pr.headSha, { files: dataPaths, directories: [adrDirectory] });
  const files: DataFile[] = [];
  for (const path of dataPaths) {
    const remote = contents.files.get(path);
    if (!remote) continue;
    files.push(remote.text === null ? { path, size: remote.byteSize, binary: true } : { path, size: remote.byteSize, bytes: encoder.encode(remote.text) });
  }
  const knownPaths = [...dataPaths, ...(contents.directories.get(adrDirectory) ?? []).map((name) => `${adrDirectory}/${name}`)];
  const diagnostics: Diagnostic[] = [
    ...(sources.repository !== undefined ? toDiagnostics(configFile, sources.repository, resolved.repositoryFindings) : []),
    ...validateDataFiles(files, { dataDir, maxFileSizeBytes: config.validation.maxFileSizeBytes, knownPaths }),
  ].sort(compareDiagnostics);
  const notes = resolved.organizationFindings
    .filter((finding) => finding.severity === "error")
    .map((finding) => `The organisation's ${configFile} (in the .github repository) has an error: ${finding.message}; the defaults are used.`);
  const plan = planDataCheck({ headSha: pr.headSha, diagnostics, files: files.map((file) => file.path), notes });
  if (!resolved.valid && plan.conclusion === "success") plan.conclusion = "failure";

  const published = await publishCheck(context, plan, options);
  return published.status === "posted" || published.status === "unchanged" ? { ...published, plan } : { status: published.status, plan };
}
