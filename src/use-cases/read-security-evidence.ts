import { posix } from "node:path";
import type { FileView, RepositoryContents } from "../ports/repository-view.js";
import type { SecurityEvidence } from "../scorecard/security-minimum.js";

/** Scanner and Renovate configs, read with the scorecard's other files at the head. */
const secretScanningFiles = [
  ".gitleaks.toml",
  ".github/secret_scanning.yml",
  ".secrets.baseline",
  ".trufflehog.yml",
  ".pre-commit-config.yaml",
];
const renovateFiles = [
  "renovate.json",
  "renovate.json5",
  ".renovaterc",
  ".renovaterc.json",
  ".github/renovate.json",
  ".github/renovate.json5",
];
const workflowDirectory = ".github/workflows";
/** Where Terraform usually lives (one level each; the root included). */
const terraformDirectories = ["", "infra", "infrastructure", "terraform", "iac", "deploy"];
const maxFilesRead = 200;

/** The files and directories to read with the scorecard's first read. */
export const securityEvidenceRequest = {
  files: [...secretScanningFiles, ...renovateFiles],
  directories: [workflowDirectory, ...terraformDirectories],
};

/**
 * The repository's security evidence at the head: from the first read, the scanner and Renovate
 * configs and the listings; then, in one more read, the workflows and the Terraform files listed.
 */
export async function readSecurityEvidence(
  view: FileView,
  headSha: string,
  first: RepositoryContents,
): Promise<SecurityEvidence> {
  const text = (path: string) => first.files.get(path)?.text ?? undefined;
  const listed = (directory: string, pattern: RegExp) =>
    (first.directories.get(directory) ?? [])
      .filter((name) => pattern.test(name))
      .map((name) => posix.join(directory, name));
  const workflows = listed(workflowDirectory, /\.ya?ml$/);
  const terraform = terraformDirectories.flatMap((directory) => listed(directory, /\.(tf|tofu)$|\.tf\.json$/));
  const wanted = [...workflows, ...terraform].slice(0, maxFilesRead);
  const read = wanted.length > 0 ? await view.readContents(headSha, { files: wanted }) : undefined;
  const texts = (paths: readonly string[]) =>
    paths.flatMap((path) => {
      const content = read?.files.get(path)?.text;
      return content == null ? [] : [{ path, text: content }];
    });
  const preCommit = text(".pre-commit-config.yaml") ?? "";
  return {
    workflows: texts(workflows),
    secretScanningConfig:
      secretScanningFiles.some((path) => path !== ".pre-commit-config.yaml" && text(path) !== undefined) ||
      /gitleaks|detect-secrets|trufflehog|ggshield/.test(preCommit),
    renovateConfig: renovateFiles.some((path) => text(path) !== undefined),
    terraform: texts(terraform),
  };
}
