/**
 * Trees that are never part of the repository when git does not track them, whatever
 * `.gitignore` says: installed dependencies (a Python or Terraform repository that ran
 * `npm install` once has an untracked `node_modules` its `.gitignore` never mentions),
 * vendored copies, virtual environments, tool caches and build output. Their files are not
 * listed, diffed or read; a tracked file under such a directory is still the repository's.
 */
const untrackedTrees = [
  // Installed or vendored dependencies.
  "node_modules",
  "bower_components",
  "jspm_packages",
  "vendor",
  "third_party",
  ".venv",
  "venv",
  "site-packages",
  ".terraform",
  ".terragrunt-cache",
  ".yarn",
  ".pnpm-store",
  // Caches.
  "__pycache__",
  ".tox",
  ".nox",
  ".mypy_cache",
  ".pytest_cache",
  ".ruff_cache",
  ".gradle",
  ".cache",
  ".parcel-cache",
  ".turbo",
  // Build output and generated code.
  "dist",
  "build",
  "target",
  ".next",
  ".nuxt",
  ".svelte-kit",
  ".output",
  "coverage",
  ".nyc_output",
  "cdk.out",
  ".serverless",
  ".aws-sam",
  "generated",
  "__generated__",
];

/** `git ls-files --others` options that leave the trees above out: git does not even walk them. */
export const untrackedExcludeArgs: readonly string[] = untrackedTrees.map((name) => `--exclude=${name}/`);

/** The directory names above, for a walk outside git. */
export const unwalkedDirectories: ReadonlySet<string> = new Set([".git", ...untrackedTrees]);
