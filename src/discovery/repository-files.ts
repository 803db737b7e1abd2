/**
 * What each file of a repository is to discovery, from its path alone: a manifest, a config
 * file, a CI file, a source file of some language, or nothing. One registry, read by both
 * `evidenceFilesOf` (which files to fetch) and the detectors (which files say what).
 */

export type Ecosystem = "node" | "python" | "go" | "ruby" | "jvm" | "rust" | "dotnet" | "php" | "elixir";

/** A file kind, and whether discovery needs its text (`read`) or its presence says enough. */
interface KindInfo {
  read: boolean;
  /** At most this many files of the kind are fetched, so one kind (hundreds of `.tf` files) cannot crowd out the others. */
  cap?: number;
}

const fileKinds = {
  // Dependency manifests and workspace declarations.
  npm: { read: true, cap: 120 },
  "pnpm-workspace": { read: true },
  lerna: { read: true },
  requirements: { read: true, cap: 40 },
  pyproject: { read: true, cap: 60 },
  pipfile: { read: true, cap: 20 },
  "setup-py": { read: true, cap: 20 },
  "go-mod": { read: true, cap: 60 },
  "go-work": { read: true },
  gemfile: { read: true, cap: 20 },
  maven: { read: true, cap: 40 },
  gradle: { read: true, cap: 40 },
  "gradle-catalog": { read: true },
  cargo: { read: true, cap: 60 },
  "dotnet-project": { read: true, cap: 40 },
  composer: { read: true, cap: 20 },
  mix: { read: true, cap: 20 },
  tsconfig: { read: false },
  turbo: { read: false },
  nx: { read: false },
  // Where the data lives.
  prisma: { read: true, cap: 10 },
  "rails-database": { read: true, cap: 5 },
  "env-example": { read: true, cap: 10 },
  alembic: { read: true, cap: 5 },
  "spring-config": { read: true, cap: 20 },
  appsettings: { read: true, cap: 10 },
  "drizzle-config": { read: true, cap: 5 },
  supabase: { read: false },
  // Where it runs.
  vercel: { read: false },
  netlify: { read: true, cap: 5 },
  firebase: { read: true, cap: 5 },
  amplify: { read: false },
  wrangler: { read: true, cap: 10 },
  procfile: { read: false },
  "heroku-app": { read: true, cap: 5 },
  "heroku-yml": { read: false },
  fly: { read: false },
  render: { read: true, cap: 5 },
  "app-engine": { read: true, cap: 10 },
  railway: { read: false },
  knative: { read: true, cap: 10 },
  "ecs-task": { read: true, cap: 10 },
  "do-app": { read: false },
  beanstalk: { read: false },
  "aws-copilot": { read: false },
  dockerfile: { read: false },
  compose: { read: true, cap: 20 },
  kubernetes: { read: true, cap: 30 },
  "helm-chart": { read: true, cap: 20 },
  kustomization: { read: false },
  "k8s-tool": { read: false },
  // Infrastructure as code.
  terraform: { read: true, cap: 100 },
  terragrunt: { read: false },
  bicep: { read: true, cap: 20 },
  pulumi: { read: true, cap: 5 },
  cdk: { read: false },
  cloudformation: { read: true, cap: 20 },
  serverless: { read: true, cap: 10 },
  // CI/CD.
  "github-workflow": { read: true, cap: 40 },
  "gitlab-ci": { read: true },
  circleci: { read: true },
  jenkins: { read: true, cap: 5 },
  "azure-pipelines": { read: true, cap: 10 },
  bitbucket: { read: true },
  buildkite: { read: true, cap: 10 },
  travis: { read: false },
  drone: { read: false },
  cloudbuild: { read: true, cap: 5 },
  flux: { read: false },
  // Observability configuration.
  "sentry-config": { read: false },
  "datadog-config": { read: false },
  "newrelic-config": { read: false },
  "otel-config": { read: false },
  "prometheus-config": { read: false },
  "alertmanager-config": { read: false },
  "prometheus-rules": { read: false },
  grafana: { read: false },
  "grafana-alerting": { read: false },
  logback: { read: false },
  log4j: { read: false },
  "fluent-bit": { read: false },
  fluentd: { read: false },
  vector: { read: false },
  loki: { read: false },
  // The team.
  codeowners: { read: true, cap: 3 },
  mailmap: { read: true, cap: 1 },
  // Source files: counted to weigh languages, never read.
  "source.node": { read: false },
  "source.python": { read: false },
  "source.go": { read: false },
  "source.ruby": { read: false },
  "source.jvm": { read: false },
  "source.rust": { read: false },
  "source.dotnet": { read: false },
  "source.php": { read: false },
  "source.elixir": { read: false },
} satisfies Record<string, KindInfo>;

export type FileKind = keyof typeof fileKinds;

/**
 * Directories whose files never count: vendored or generated code, build output, caches, and
 * tests, fixtures, examples and docs (a Terraform file under `test/fixtures/` does not make
 * a project "AWS"; a sample app under `examples/` is not the product). Compared lower-cased.
 */
const skippedDirectories = new Set([
  "node_modules",
  "bower_components",
  "jspm_packages",
  "vendor",
  "third_party",
  "third-party",
  "thirdparty",
  "deps", // Elixir's fetched dependencies
  "_build",
  "dist",
  "build",
  "out",
  "target",
  "obj",
  ".git",
  ".hg",
  ".svn",
  "test",
  "tests",
  "__tests__",
  "__test__",
  "spec",
  "specs",
  "fixture",
  "fixtures",
  "__fixtures__",
  "testdata",
  "test-data",
  "test_data",
  "e2e",
  "cypress",
  "__mocks__",
  "__snapshots__",
  "example",
  "examples",
  "sample",
  "samples",
  "demo",
  "demos",
  "docs",
  "doc",
  "documentation",
  "bench",
  "benchmark",
  "benchmarks",
  "coverage",
  ".nyc_output",
  ".next",
  ".nuxt",
  ".svelte-kit",
  ".output",
  ".turbo",
  ".cache",
  ".parcel-cache",
  ".yarn",
  ".pnpm-store",
  ".venv",
  "venv",
  "virtualenv",
  "site-packages",
  "__pycache__",
  ".tox",
  ".nox",
  ".mypy_cache",
  ".pytest_cache",
  ".terraform", // downloaded providers and modules
  ".terragrunt-cache",
  "cdk.out",
  ".serverless",
  ".aws-sam",
  ".gradle",
  ".idea",
  ".vscode",
  ".devcontainer", // a development environment, not where the product runs
  "pods",
  "deriveddata",
  "generated",
  "__generated__",
  "tmp",
  "temp",
  ".tmp",
]);

/** A directory segment that is a test project (`MyApp.Tests`, `orders.integrationtests`). */
const isTestProjectSegment = (segment: string) => /\.(unit|integration)?tests?$/.test(segment);

const skippedCache = new Map<string, boolean>();
// The directory asked last: a listing names the files of one directory one after another.
let lastDirectory = "";
let lastSkipped = false;

/** Whether a directory (root-relative, no trailing slash) lies in a skipped tree. Cached: paths share directories. */
function isSkippedDirectory(dir: string): boolean {
  if (dir === "") return false;
  if (dir === lastDirectory) return lastSkipped;
  lastDirectory = dir;
  return (lastSkipped = isSkippedTree(dir));
}

function isSkippedTree(dir: string): boolean {
  const cached = skippedCache.get(dir);
  if (cached !== undefined) return cached;
  const slash = dir.lastIndexOf("/");
  const segment = dir.slice(slash + 1).toLowerCase();
  const skipped =
    skippedDirectories.has(segment) ||
    isTestProjectSegment(segment) ||
    (slash >= 0 && isSkippedTree(dir.slice(0, slash)));
  // The cache is bounded: a listing of a million directories must not keep them all.
  if (skippedCache.size > 50_000) skippedCache.clear();
  skippedCache.set(dir, skipped);
  return skipped;
}

const byName = new Map<string, FileKind>([
  ["package.json", "npm"],
  ["pnpm-workspace.yaml", "pnpm-workspace"],
  ["lerna.json", "lerna"],
  ["pyproject.toml", "pyproject"],
  ["Pipfile", "pipfile"],
  ["setup.py", "setup-py"],
  ["go.mod", "go-mod"],
  ["go.work", "go-work"],
  ["Gemfile", "gemfile"],
  ["pom.xml", "maven"],
  ["build.gradle", "gradle"],
  ["build.gradle.kts", "gradle"],
  ["libs.versions.toml", "gradle-catalog"],
  ["Cargo.toml", "cargo"],
  ["composer.json", "composer"],
  ["mix.exs", "mix"],
  ["tsconfig.json", "tsconfig"],
  ["turbo.json", "turbo"],
  ["nx.json", "nx"],
  ["schema.prisma", "prisma"],
  // Examples of environment files only: `.env` itself holds secrets and is never read.
  [".env.example", "env-example"],
  [".env.sample", "env-example"],
  [".env.template", "env-example"],
  [".env.dist", "env-example"],
  ["alembic.ini", "alembic"],
  ["drizzle.config.ts", "drizzle-config"],
  ["drizzle.config.js", "drizzle-config"],
  ["drizzle.config.mjs", "drizzle-config"],
  ["vercel.json", "vercel"],
  ["netlify.toml", "netlify"],
  ["firebase.json", "firebase"],
  ["amplify.yml", "amplify"],
  ["wrangler.toml", "wrangler"],
  ["wrangler.json", "wrangler"],
  ["wrangler.jsonc", "wrangler"],
  ["Procfile", "procfile"],
  ["app.json", "heroku-app"],
  ["heroku.yml", "heroku-yml"],
  ["fly.toml", "fly"],
  ["render.yaml", "render"],
  ["app.yaml", "app-engine"],
  ["railway.json", "railway"],
  ["railway.toml", "railway"],
  ["service.yaml", "knative"],
  ["Chart.yaml", "helm-chart"],
  ["kustomization.yaml", "kustomization"],
  ["kustomization.yml", "kustomization"],
  ["Kustomization", "kustomization"],
  ["skaffold.yaml", "k8s-tool"],
  ["helmfile.yaml", "k8s-tool"],
  ["Tiltfile", "k8s-tool"],
  ["terragrunt.hcl", "terragrunt"],
  ["Pulumi.yaml", "pulumi"],
  ["Pulumi.yml", "pulumi"],
  ["cdk.json", "cdk"],
  ["serverless.yml", "serverless"],
  ["serverless.yaml", "serverless"],
  ["serverless.ts", "serverless"],
  ["template.yaml", "cloudformation"],
  ["template.yml", "cloudformation"],
  [".gitlab-ci.yml", "gitlab-ci"],
  ["Jenkinsfile", "jenkins"],
  ["azure-pipelines.yml", "azure-pipelines"],
  ["azure-pipelines.yaml", "azure-pipelines"],
  ["bitbucket-pipelines.yml", "bitbucket"],
  [".travis.yml", "travis"],
  [".drone.yml", "drone"],
  ["cloudbuild.yaml", "cloudbuild"],
  ["cloudbuild.yml", "cloudbuild"],
  ["sentry.properties", "sentry-config"],
  [".sentryclirc", "sentry-config"],
  ["datadog.yaml", "datadog-config"],
  ["datadog.yml", "datadog-config"],
  ["newrelic.js", "newrelic-config"],
  ["newrelic.cjs", "newrelic-config"],
  ["newrelic.yml", "newrelic-config"],
  ["newrelic.ini", "newrelic-config"],
  ["prometheus.yml", "prometheus-config"],
  ["prometheus.yaml", "prometheus-config"],
  ["alertmanager.yml", "alertmanager-config"],
  ["alertmanager.yaml", "alertmanager-config"],
  ["grafana.ini", "grafana"],
  ["logback.xml", "logback"],
  ["logback-spring.xml", "logback"],
  ["log4j2.xml", "log4j"],
  ["log4j2-spring.xml", "log4j"],
  ["fluent-bit.conf", "fluent-bit"],
  ["fluent-bit.yaml", "fluent-bit"],
  ["fluentd.conf", "fluentd"],
  ["fluent.conf", "fluentd"],
  ["vector.toml", "vector"],
  ["vector.yaml", "vector"],
  ["promtail.yaml", "loki"],
  ["promtail-config.yaml", "loki"],
  ["loki-config.yaml", "loki"],
]);

const sourceByExtension = new Map<string, FileKind>([
  ["ts", "source.node"],
  ["tsx", "source.node"],
  ["mts", "source.node"],
  ["cts", "source.node"],
  ["js", "source.node"],
  ["jsx", "source.node"],
  ["mjs", "source.node"],
  ["cjs", "source.node"],
  ["py", "source.python"],
  ["go", "source.go"],
  ["rb", "source.ruby"],
  ["rake", "source.ruby"],
  ["java", "source.jvm"],
  ["kt", "source.jvm"],
  ["scala", "source.jvm"],
  ["groovy", "source.jvm"],
  ["rs", "source.rust"],
  ["cs", "source.dotnet"],
  ["fs", "source.dotnet"],
  ["php", "source.php"],
  ["ex", "source.elixir"],
  ["exs", "source.elixir"],
]);

/** Test files beside the code (`x.test.ts`, `x_test.go`, `test_x.py`, `x_spec.rb`) and type declarations do not weigh a language. */
const isTestOrDeclaration = (name: string) =>
  // Every such name holds "test", "spec" or ".d.": the pattern runs only on those.
  (name.includes("test") || name.includes("spec") || name.includes(".d.")) &&
  /\.(test|spec)\.[a-z]+$|_test\.(go|py|exs)$|^test_.*\.py$|_spec\.rb$|\.d\.[cm]?ts$/.test(name);

/** Directories whose YAML files are worth reading as Kubernetes, Argo CD or Flux manifests. */
const kubernetesDirectories = new Set([
  "k8s",
  "kubernetes",
  "kube",
  "manifests",
  "deploy",
  "deployment",
  "deployments",
  "kustomize",
  "overlays",
  "argocd",
  "argo",
  "argo-cd",
  "gitops",
  "clusters",
  "flux",
  "helm",
  "charts",
]);

const segmentsOf = (dir: string) => (dir === "" ? [] : dir.toLowerCase().split("/"));

const isYaml = (name: string) => name.endsWith(".yml") || name.endsWith(".yaml");

const codeOwnersPaths = new Set([".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"]);

/**
 * What a file's name says wherever it sits: a kind named by it (`package.json`), a source file's
 * kind (null for a test or a type declaration, which weighs no language), or false when only its
 * directory can tell.
 */
function verdictOfName(name: string): FileKind | null | false {
  const named = byName.get(name);
  if (named !== undefined) return named;
  const dot = name.lastIndexOf(".");
  const source = sourceByExtension.get(dot < 0 ? "" : name.slice(dot + 1));
  if (source === undefined) return false;
  if (isTestOrDeclaration(name)) return null;
  if (name.startsWith("sentry.") && name.includes(".config.")) return "sentry-config";
  if (name.startsWith("newrelic.")) return "newrelic-config";
  return source;
}

const verdictsByName = new Map<string, FileKind | null | false>();

/** `verdictOfName`, remembered: a monorepo repeats its names (`index.ts`, `package.json`) in every package. */
function nameVerdict(name: string): FileKind | null | false {
  const known = verdictsByName.get(name);
  if (known !== undefined) return known;
  const verdict = verdictOfName(name);
  // Bounded like the directory cache: a listing of a million distinct names must not keep them all.
  if (verdictsByName.size > 50_000) verdictsByName.clear();
  verdictsByName.set(name, verdict);
  return verdict;
}

/**
 * Whether no file directly in `dir` has a kind (`kindIn` says undefined for each): a skipped tree
 * (docs/ aside, where GitHub reads CODEOWNERS) or what lies below `.vercel/`. Asked once per
 * directory: the files of a skipped tree (tests, generated code, docs) are then passed over unread.
 */
function holdsNoKind(dir: string): boolean {
  if (dir.startsWith(".vercel/")) return true;
  return dir !== "docs" && dir !== ".vercel" && isSkippedDirectory(dir);
}

/** The directories where a file's path says more than its name (CODEOWNERS, .mailmap, .vercel). */
const pathDirectories = new Set(["", ".github", "docs", ".vercel"]);

/**
 * `kindIn` for the files of one directory, by name, what depends on the directory alone settled
 * once: in an ordinary directory a file's name usually says its kind (remembered per name), and
 * only a name that says nothing is looked at with its directory. Undefined when no file in it has a kind.
 */
export function kindsIn(dir: string): ((name: string) => FileKind | undefined) | undefined {
  if (holdsNoKind(dir)) return undefined;
  const prefix = dir === "" ? "" : `${dir}/`;
  if (pathDirectories.has(dir)) return (name) => kindIn(prefix + name, dir);
  const doApps = dir.startsWith(".do");
  return (name) => {
    const verdict = nameVerdict(name);
    if (verdict === false) return kindIn(prefix + name, dir);
    if (verdict === "app-engine" && doApps) return "do-app";
    return verdict ?? undefined;
  };
}

/** The kinds of source files, which are counted, never listed. */
const sourceKinds: ReadonlySet<FileKind> = new Set(sourceByExtension.values());

export const isSourceKind = (kind: FileKind) => sourceKinds.has(kind);

/** The kind of a file, or undefined when discovery has no use for it (or it sits in a skipped tree). */
export function kindOf(path: string): FileKind | undefined {
  const slash = path.lastIndexOf("/");
  return kindIn(path, slash < 0 ? "" : path.slice(0, slash));
}

/** `kindOf`, for a caller that knows the path's directory already (a listing names one directory's files together). */
function kindIn(path: string, dir: string): FileKind | undefined {
  // GitHub reads CODEOWNERS from docs/ too, though docs/ is otherwise skipped.
  if (path.endsWith("CODEOWNERS") && codeOwnersPaths.has(path)) return "codeowners";
  if (path === ".mailmap") return "mailmap";
  const name = dir === "" ? path : path.slice(dir.length + 1);
  // `.vercel/project.json` says Vercel, though the folder's `output/` is build output.
  if (dir === ".vercel" || dir.startsWith(".vercel/")) return dir === ".vercel" ? "vercel" : undefined;
  if (isSkippedDirectory(dir)) return undefined;

  const verdict = nameVerdict(name);
  if (verdict !== false) {
    if (verdict === "app-engine" && dir.startsWith(".do")) return "do-app";
    return verdict ?? undefined;
  }
  const dot = name.lastIndexOf(".");
  const extension = dot < 0 ? "" : name.slice(dot + 1);
  if (dir === ".github/workflows") return isYaml(name) ? "github-workflow" : undefined;
  if (dir === ".circleci") return name === "config.yml" ? "circleci" : undefined;
  if (dir === ".buildkite" || dir.startsWith(".buildkite/")) return isYaml(name) ? "buildkite" : undefined;
  if (dir === ".azure-pipelines" || dir.startsWith(".azure-pipelines/"))
    return isYaml(name) ? "azure-pipelines" : undefined;
  if (dir === ".do") return isYaml(name) ? "do-app" : undefined;
  if (dir === ".ebextensions" || dir === ".elasticbeanstalk") return "beanstalk";
  if (dir === "amplify" || dir.startsWith("amplify/")) return "amplify";
  if (dir === "supabase" && name === "config.toml") return "supabase";

  if (extension === "tf" || extension === "tofu" || name.endsWith(".tf.json")) return "terraform";
  if (extension === "bicep") return "bicep";
  if (extension === "csproj" || extension === "fsproj") return "dotnet-project";
  if (extension === "prisma") return "prisma";
  if (extension === "txt" && (name.startsWith("requirements") || dir.endsWith("requirements"))) return "requirements";
  if (
    name === "Dockerfile" ||
    name.startsWith("Dockerfile.") ||
    name === "Containerfile" ||
    /\.dockerfile$/i.test(name)
  )
    return "dockerfile";
  if (isYaml(name) && /^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/.test(name)) return "compose";
  if (name === "database.yml" && (dir === "config" || dir.endsWith("/config"))) return "rails-database";
  if (name.startsWith("appsettings") && extension === "json") return "appsettings";
  if (/^application(-[\w-]+)?\.(ya?ml|properties)$/.test(name) && /(^|\/)(resources|config)$/.test(dir))
    return "spring-config";
  if (/^(task[-_]?def(inition)?)([\w.-]*)\.json$/i.test(name) || /[-_]task[-_]?def(inition)?\.json$/i.test(name))
    return "ecs-task";
  if (dir.endsWith("copilot") || dir.includes("copilot/")) return name === "manifest.yml" ? "aws-copilot" : undefined;
  if (/\.(template|cfn)(\.(json|ya?ml))?$/.test(name)) return "cloudformation";

  const segments = segmentsOf(dir);
  if (segments.includes("flux-system")) return "flux";
  if (segments.includes("grafana")) return segments.includes("alerting") ? "grafana-alerting" : "grafana";
  if (/^(otel|otelcol|opentelemetry)[\w.-]*\.ya?ml$/.test(name)) return "otel-config";
  if (/\.rules(\.ya?ml)?$/.test(name) || (isYaml(name) && segments.includes("prometheus") && /rules|alerts/.test(name)))
    return "prometheus-rules";
  if (isYaml(name) || extension === "json") {
    if (segments.includes("cloudformation") || segments.includes("cfn")) return "cloudformation";
    if (
      isYaml(name) &&
      !segments.includes("templates") &&
      !name.startsWith("values") &&
      segments.some((segment) => kubernetesDirectories.has(segment))
    )
      return "kubernetes";
  }
  return undefined;
}

/** The registry with its entries typed alike (`cap` optional on each). */
export const kindInfo: Readonly<Record<FileKind, KindInfo>> = fileKinds;
