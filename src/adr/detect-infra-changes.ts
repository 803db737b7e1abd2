import picomatch from "picomatch";
import type { Config } from "../schemas/config.js";
import { maxGlobPathLength } from "../schemas/glob.js";
import { defaultCategoryGlobs, type InfraCategory } from "./categories.js";
import { ansibleRoleOf, readAnsible } from "./readers/ansible.js";
import { readCiCd } from "./readers/ci-cd.js";
import { readCloudTemplates } from "./readers/cloud-templates.js";
import { readContainers } from "./readers/containers.js";
import { declaresGoTable, readDatabase } from "./readers/database.js";
import { isDependencyManifest, isSubmoduleChange, readDependencies } from "./readers/dependencies.js";
import { looksLikeHelmfile, readHelmfiles } from "./readers/helmfile.js";
import { readOrchestration } from "./readers/orchestration.js";
import { reasonText, type ReadFile, type Signal } from "./readers/signal.js";
import { statedDecisions } from "./stated-decisions.js";
import { readTerraform } from "./readers/terraform.js";
import { isTerraformLock, readTerraformLocks } from "./readers/terraform-lock.js";
import { declaresResourcesInCode, isCodePath, readInfrastructureCode } from "./readers/iac-code.js";

const isTerraform = (path: string) => /\.(tf|tofu|tfvars)$|\.tf\.json$|\.tfvars\.json$|terragrunt\.hcl$/.test(path);

/** A changed file as the detector sees it: both versions are read for every file a category claims. */
export type FileChange = ReadFile & { additions: number; deletions: number };

export interface InfraChange {
  file: string;
  category: InfraCategory;
  reason: string;
  /** Technologies the change names (resource types, images, packages), for finding related ADRs. */
  technologies: string[];
}

/** An infrastructure change as the detector judged it. */
export interface SeenChange extends InfraChange {
  /** A decision (it counts towards the suggestion) or a change seen that is not one. */
  decision: boolean;
  /** What it adds to the score: the category's weight for a decision, 0 otherwise. */
  weight: number;
  /** The file could not be read as what it claims to be (an invalid manifest). */
  problem?: boolean;
}

export type AdrDetectionConfig = Pick<
  Config["adr"],
  "categories" | "ignore" | "exclude" | "minChangedLines" | "zeroMinorIsMajor"
>;

const categoryOrder = Object.keys(defaultCategoryGlobs) as InfraCategory[];

/** A path-only test remembered per path: one review asks it of each file two or three times. */
function rememberedByPath<T>(test: (path: string) => T): (path: string) => T {
  const answers = new Map<string, T>();
  return (path) => {
    if (answers.has(path)) return answers.get(path)!;
    const answer = test(path);
    // Bounded: the App keeps a configuration for many reviews, and their paths must not pile up.
    if (answers.size >= 100_000) answers.clear();
    answers.set(path, answer);
    return answer;
  };
}

type DetectorGlobs = Pick<AdrDetectionConfig, "categories" | "ignore" | "exclude">;

/** The detector compiled for a configuration, kept while the configuration lives (a review compiles it once, not per use). */
const compiledFor = new WeakMap<DetectorGlobs, { source: DetectorGlobs; compiled: CompiledDetector }>();

export type CompiledDetector = ReturnType<typeof compileGlobs>;

/** Compiles the category globs once (defaults, plus `add`, minus `remove`). */
export function compileDetector(config: DetectorGlobs): CompiledDetector {
  const kept = compiledFor.get(config);
  // The same object with the same lists: a configuration changed in place is compiled again.
  if (
    kept &&
    kept.source.categories === config.categories &&
    kept.source.ignore === config.ignore &&
    kept.source.exclude === config.exclude
  )
    return kept.compiled;
  const compiled = compileGlobs(config);
  compiledFor.set(config, {
    source: { categories: config.categories, ignore: config.ignore, exclude: config.exclude },
    compiled,
  });
  return compiled;
}

const globOptions = { dot: true, nocase: false };

/**
 * One test for a list of globs, true where picomatch's matcher of the list is: a path equal to
 * a glob, or matched by its regular expression. The expressions are joined into one, so a path
 * is scanned once, not once per glob (picomatch's matcher also builds a result object per glob
 * tried: most of `adr check`'s time in the detector on a change of 5,000 files).
 */
function globTest(globs: readonly string[]): (path: string) => boolean {
  if (globs.length === 0) return () => false;
  const matcher = () => {
    const matches = picomatch([...globs], globOptions);
    return (path: string) => matches(path) === true;
  };
  // On Windows picomatch also turns backslashes into slashes before matching: its own matcher there.
  if (process.platform === "win32") return matcher();
  const literal = new Set(globs);
  let joined: RegExp;
  try {
    const sources = globs.map((glob) => picomatch.makeRe(glob, { ...globOptions, windows: false }).source);
    joined = new RegExp(sources.map((source) => `(?:${source})`).join("|"));
  } catch {
    // An expression that cannot be joined (none known): picomatch's own matcher, glob by glob.
    return matcher();
  }
  return (path) => path !== "" && (literal.has(path) || joined.test(path));
}

function compileGlobs(config: DetectorGlobs) {
  const matchers = categoryOrder.map((category) => {
    const { add, remove } = config.categories[category];
    const globs = [...defaultCategoryGlobs[category].filter((glob) => !remove.includes(glob)), ...add];
    return { category, matches: globTest(globs) };
  });
  const ignored = config.ignore.length > 0 ? rememberedByPath(globTest(config.ignore)) : () => false;
  // Examples, tests, fixtures, docs and vendored trees (`adr.exclude`) show, check or copy what is decided elsewhere.
  const excluded = config.exclude.length > 0 ? rememberedByPath(globTest(config.exclude)) : () => false;
  /** The first category whose globs match the path. */
  const categoryByPath = rememberedByPath(
    (path: string): InfraCategory | undefined => matchers.find(({ matches }) => matches(path))?.category,
  );
  return { matchers, ignored, excluded, categoryByPath };
}

/** A YAML file outside the usual places that is a Kubernetes manifest all the same. */
const looksLikeManifest = (text: string | undefined) =>
  text !== undefined && /^apiVersion:\s*\S/m.test(text) && /^kind:\s*[A-Z]/m.test(text);

/**
 * The category that claims a file (the first whose globs match), or undefined. Paths only, so
 * the caller knows which files' contents to read; `claimByContent` settles the YAML files that
 * only their contents reveal as manifests.
 */
export function categoryOf(
  file: Pick<FileChange, "path" | "patch" | "additions" | "deletions">,
  config: AdrDetectionConfig,
  compiled = compileDetector(config),
): InfraCategory | undefined {
  if (file.path.length > maxGlobPathLength || compiled.ignored(file.path)) return undefined;
  if (file.additions + file.deletions < config.minChangedLines) return undefined;
  // A submodule added under vendor/ is the repository's own choice of dependency.
  if (isSubmoduleChange(file.patch)) return "dependencies";
  if (compiled.excluded(file.path)) return undefined;
  const byPath = compiled.categoryByPath(file.path);
  if (byPath) return byPath;
  // A Go model that names its table is a table, whatever folder it lives in.
  if (declaresGoTable(file.path, file.patch)) return "database";
  // Pulumi and CDK programs are code: their diff shows the resources they declare.
  return isCodePath(file.path) && declaresResourcesInCode(file.patch) ? "infrastructure-as-code" : undefined;
}

/** What the change's files alone cannot say: which Terraform directories are reusable modules (read from their siblings). */
export interface RepositoryContext {
  reusableModuleDirectories?: ReadonlySet<string>;
  /** What the change says of itself: its pull request's title, or its commits' subjects (`stated-decisions.ts`). */
  statements?: readonly string[];
}

type Reader = (files: readonly ReadFile[], config: AdrDetectionConfig, context: RepositoryContext) => Signal[];

const readers: Record<InfraCategory, Reader> = {
  "infrastructure-as-code": (files, _config, context) => [
    ...readTerraform(
      files.filter((file) => isTerraform(file.path)),
      context.reusableModuleDirectories,
    ),
    ...readTerraformLocks(files.filter((file) => isTerraformLock(file.path))),
    ...readInfrastructureCode(files.filter((file) => isCodePath(file.path))),
    ...readAnsible(files.filter((file) => ansibleRoleOf(file.path) !== undefined)),
    ...readCloudTemplates(
      files.filter(
        (file) =>
          !isTerraform(file.path) &&
          !isTerraformLock(file.path) &&
          !isCodePath(file.path) &&
          ansibleRoleOf(file.path) === undefined,
      ),
    ),
  ],
  containers: (files) => readContainers(files),
  orchestration: (files) => {
    const helmfiles = files.filter((file) => looksLikeHelmfile(file.after ?? file.before));
    return [...readHelmfiles(helmfiles), ...readOrchestration(files.filter((file) => !helmfiles.includes(file)))];
  },
  "ci-cd": (files) => readCiCd(files),
  database: (files) => readDatabase(files),
  dependencies: (files, config) =>
    readDependencies(
      files.filter((file) => isDependencyManifest(file.path) || isSubmoduleChange(file.patch)),
      { zeroMinorIsMajor: config.zeroMinorIsMajor },
    ),
};

/**
 * What the infrastructure changes of a change mean: each category's reader compares the files'
 * two versions and says which carry a decision (a new resource, a new base image, a dropped
 * table...) and which do not (a version bump, a comment), each with a reason.
 */
/**
 * A file removed and another added with the same contents is one file moved (the local diff
 * does not pair renames; GitHub does): judged as a rename, not as something removed and
 * something new.
 */
function pairRenames(files: readonly FileChange[]): FileChange[] {
  const removed = new Map<string, FileChange>();
  for (const file of files) if (file.status === "removed" && file.before !== undefined) removed.set(file.before, file);
  if (removed.size === 0) return [...files];
  const moved = new Set<FileChange>();
  const paired = files.flatMap((file): FileChange[] => {
    const origin = file.status === "added" && file.after !== undefined ? removed.get(file.after) : undefined;
    if (!origin || moved.has(origin)) return [file];
    moved.add(origin);
    return [{ ...file, status: "renamed", previousPath: origin.path, before: origin.before! }];
  });
  return paired.filter((file) => !moved.has(file));
}

export function detectInfraChanges(
  changedFiles: readonly FileChange[],
  config: AdrDetectionConfig,
  context: RepositoryContext = {},
): SeenChange[] {
  const files = pairRenames(changedFiles);
  const compiled = compileDetector(config);
  const claimed = new Map<InfraCategory, FileChange[]>();
  for (const file of files) {
    const category =
      categoryOf(file, config, compiled) ??
      (/\.ya?ml$/.test(file.path) &&
      !compiled.ignored(file.path) &&
      !compiled.excluded(file.path) &&
      (looksLikeManifest(file.after) ||
        looksLikeManifest(file.before) ||
        looksLikeHelmfile(file.after) ||
        looksLikeHelmfile(file.before))
        ? "orchestration"
        : undefined);
    if (!category) continue;
    const list = claimed.get(category);
    if (list) list.push(file);
    else claimed.set(category, [file]);
  }
  const changes: SeenChange[] = [];
  for (const category of categoryOrder) {
    const claimedFiles = claimed.get(category);
    if (!claimedFiles) continue;
    const weight = config.categories[category].weight;
    for (const signal of readers[category](claimedFiles, config, context))
      changes.push({
        file: signal.file,
        category,
        reason: reasonText(signal.reason),
        technologies: signal.technologies,
        decision: signal.decision,
        weight: signal.decision ? weight : 0,
        ...(signal.problem ? { problem: true } : {}),
      });
  }
  return [...changes, ...statedChanges(files, config, compiled, context.statements ?? [], changes)];
}

/** The decisions the change states of itself and its files bear out, but no reader has named. */
function statedChanges(
  files: readonly FileChange[],
  config: AdrDetectionConfig,
  compiled: CompiledDetector,
  statements: readonly string[],
  seen: readonly SeenChange[],
): SeenChange[] {
  if (statements.length === 0) return [];
  const decided = new Set(
    seen.filter((found) => found.decision).flatMap((found) => found.technologies.map((name) => name.toLowerCase())),
  );
  // A file a reader judged (a test pipeline, a values tweak) is no evidence against that judgement.
  const judged = new Set(seen.map((found) => found.file));
  const counts = (file: FileChange) =>
    file.path.length <= maxGlobPathLength &&
    !compiled.ignored(file.path) &&
    !compiled.excluded(file.path) &&
    !judged.has(file.path) &&
    file.additions + file.deletions >= config.minChangedLines;
  return statedDecisions(statements, files, counts)
    .filter((stated) => !decided.has(stated.technology))
    .map((stated) => ({
      file: stated.file,
      category: stated.category,
      reason: stated.reason,
      technologies: [stated.technology],
      decision: true,
      weight: config.categories[stated.category].weight,
    }));
}
