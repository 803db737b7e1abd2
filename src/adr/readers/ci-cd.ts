import { registryOf } from "./containers.js";
import { releaseToolChanges, releaseToolsOf } from "./release-channels.js";
import {
  cargoDistTargets,
  goReleaserPlatforms,
  goReleaserTargets,
  pipelineTargetPlatforms,
  releaseTargetChanges,
  snapBuild,
} from "./release-targets.js";
import { clean, difference, listed, reasonText, switchesWithin, type ReadFile, type Signal } from "./signal.js";

/** Actions that hand the pipeline a cloud credential. */
const credentialAction =
  /configure-aws-credentials|google-github-actions\/auth|azure\/login|azure\/oidc|hashicorp\/vault-action|doitintl\/docker-action|digitalocean\/action-doctl|create-github-app-token|github-app-token/i;
/** Actions that deploy somewhere (over SSH too: `ssh-action` runs the deploy on a server). */
const deployAction =
  /deploy|pages|cloudrun|appengine|amazon-ecs|lambda|beanstalk|flyctl|vercel|netlify|firebase|wrangler|webapps|functions-action|k8s-|helm|setup-kubectl|heroku|render|railway|ssh-action|scp-action/i;
/** Shell commands that deploy: the tool and its verb name the target. */
const deployCommand =
  /\b(kubectl\s+(?:apply|rollout|set\s+image)|helm\s+(?:upgrade|install)|terraform\s+apply|tofu\s+apply|fly(?:ctl)?\s+deploy|vercel(?:\s+deploy|\s+--prod)|netlify\s+deploy|(?:serverless|sls)\s+deploy|gcloud\s+[\w\s-]*deploy|aws\s+[\w-]+\s+[\w-]*(?:deploy|update-service|update-function-code)|eb\s+deploy|firebase\s+deploy|wrangler\s+(?:deploy|publish)|az\s+[\w\s-]*(?:deploy|up)|cdk\s+deploy|pulumi\s+up|git\s+push\s+heroku|dokku|railway\s+up|render\s+deploy|ansible-playbook|kamal\s+deploy|cap\s+\w+\s+deploy)/gi;
/** Steps that publish an artefact others consume: images, packages, releases. */
const publishStep =
  /\b([\w-]*build-push[\w-]*|docker\s+(?:image\s+)?push|buildx\s+build[^\n]*--push|goreleaser|gh-action-pypi-publish|twine\s+upload|npm\s+publish|pnpm\s+publish|yarn\s+npm\s+publish|cargo\s+publish|poetry\s+publish|helm\s+push|gh\s+release\s+create|action-gh-release|plugin-docker-buildx|(?<![\w/-])plugins\/docker(?![\w-])|plugin-kaniko|kaniko|gem\s+push|nuget\s+push|cloudsmith\s+push|package_cloud\s+push|push\.fury\.io|jfrog\s+rt\s+(?:u|upload)|snapcraft\s+upload|vsce\s+publish|packer\s+build|ko\s+(?:build|publish|resolve|apply)\b|crane\s+(?:push|copy|append)|skopeo\s+copy|podman\s+(?:manifest\s+)?push|buildah\s+push|jib:build)|(?<=[\s"'=])(--push)(?![\w-])/gi;
/** Secrets that are credentials (a token, a key, a password), not settings. */
const credentialSecret = /\bsecrets\.([A-Z0-9_]*(?:TOKEN|KEY|PASSWORD|PASS|SECRET|CREDENTIALS?|PAT)[A-Z0-9_]*)\b/gi;

/** Setup actions of one kind of toolchain: replacing one by another is a toolchain switch every pipeline then runs. */
const toolchainSetups: [kind: string, members: string[]][] = [
  ["infrastructure-as-code tool", ["hashicorp/setup-terraform", "opentofu/setup-opentofu", "pulumi/actions"]],
  ["JavaScript runtime", ["actions/setup-node", "oven-sh/setup-bun", "denoland/setup-deno"]],
  ["Python package manager", ["snok/install-poetry", "astral-sh/setup-uv", "pdm-project/setup-pdm"]],
];

const setupSwitches = (old: readonly string[], next: readonly string[]) =>
  switchesWithin(
    toolchainSetups,
    (action) => old.includes(action),
    (action) => next.includes(action),
  );

/** A cluster the pipeline creates for itself (kind, k3d, minikube): what it deploys there is a test. */
const throwawayCluster =
  /helm\/kind-action|\bkind\s+create\s+cluster|\bk3d\s+cluster\s+create|\bminikube\s+start|setup-minikube|k3d-action|setup-k3d/i;

interface PipelineFacts {
  /** It creates a throwaway cluster to deploy to. */
  throwawayCluster: boolean;
  /** Actions and step images, by name without version. */
  steps: string[];
  environments: string[];
  /** Credential actions, `id-token: write` (OIDC), SSH deploy keys. */
  credentials: string[];
  /** Secrets named like credentials. */
  secrets: string[];
  /** Roles and identities the pipeline assumes (`role-to-assume`, a workload identity provider, a service account). */
  identities: string[];
  deployers: string[];
  publishers: string[];
  /** CPU architectures of published images. */
  platforms: string[];
  /** Whether a published image is tagged `latest`. */
  tagsLatest: boolean;
  /** Registries it signs in to or pushes to (`ghcr.io`, `oci://…`): where what it publishes goes. */
  registries: string[];
  /** The image repositories its tags name (`ghcr.io/acme/app`, `acme/app`): what its users pull. */
  imageNames: string[];
  /** The lines that run, comments left out. */
  text: string;
  /** The platforms a GoReleaser configuration builds releases for (`os:windows`, `arch:arm64`). */
  releaseTargets: string[];
  /** The same as whole platforms (`windows/arm`), when its YAML could be read. */
  releasePlatforms?: string[];
  /** The platforms the target triples of a pipeline name (`target: aarch64-apple-darwin`). */
  triplePlatforms: string[];
  /** Where its releases go, what they ship as and how they are signed (`release-channels.ts`). */
  releaseTools: string[];
  /** It runs for a release: a tag pushed or a release published. */
  releaseTriggered: boolean;
  /** It runs only to check changes (`pull_request`, `merge_group`): it makes no release. */
  pullRequestsOnly: boolean;
}

function environmentsOf(text: string): string[] {
  const environments = new Set<string>();
  for (const match of text.matchAll(/^[ \t]*environment:[ \t]*([^\s#{][^#\n]*)?$/gm)) {
    const inline = match[1]?.trim();
    if (inline) environments.add(inline.replace(/^["']|["']$/g, ""));
    else {
      // environment:\n  name: production
      const after = text.slice(match.index + match[0].length, match.index + match[0].length + 200);
      const name = /^\s*\n\s+name:\s*([^\s#]+)/.exec(after)?.[1];
      if (name) environments.add(name.replace(/^["']|["']$/g, ""));
    }
  }
  for (const match of text.matchAll(/environment:\s*\{\s*name:\s*([^\s,}]+)/g))
    environments.add(match[1]!.replace(/^["']|["']$/g, ""));
  return [...environments];
}

const unique = (items: Iterable<string>) => [...new Set(items)];

/**
 * The text of each job of a GitHub Actions workflow (`jobs:` then one key per job), or undefined
 * for a pipeline that is not split that way. Read by indentation: a job runs from its key to the
 * next key at the same indentation, or to the next top-level key.
 */
function jobSections(text: string): string[] | undefined {
  const lines = text.split("\n");
  const start = lines.findIndex((line) => /^jobs:\s*(#.*)?$/.test(line));
  if (start < 0) return undefined;
  const sections: string[][] = [];
  let indent: number | undefined;
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line) && !line.startsWith("#")) break;
    const depth = /^( *)\S/.exec(line)?.[1]!.length;
    if (depth !== undefined && !line.trimStart().startsWith("#")) indent ??= depth;
    if (depth !== undefined && depth === indent) sections.push([]);
    sections.at(-1)?.push(line);
  }
  return sections.length > 0 ? sections.map((section) => section.join("\n")) : undefined;
}

const secretsIn = (text: string) =>
  unique([...text.matchAll(credentialSecret)].map((match) => match[1]!.toUpperCase())).filter(
    (name) => name !== "GITHUB_TOKEN",
  );

/** `docker login` / `helm registry login` options that take no value. */
const loginSwitches = new Set([
  "--password-stdin",
  "--insecure",
  "--plain-http",
  "--insecure-skip-tls-verify",
  "--debug",
]);

/**
 * The registries `docker login` (or `helm registry login`) signs in to: the host it names, or
 * Docker Hub when it names none (`docker login -u … --password-stdin`).
 */
function loginRegistries(text: string): string[] {
  const hosts: string[] = [];
  for (const line of text.split("\n")) {
    // A step's name or id (`- name: docker login`) runs nothing.
    if (/^[ \t]*(?:-[ \t]*)?(?:name|id):/.test(line)) continue;
    const login = /\b(docker|helm\s+registry)\s+login\b([^\n;&|]*)/.exec(line);
    if (!login) continue;
    // Quoted values and `${{ … }}` expressions are one token each.
    const tokens = login[2]!
      .replace(/\$\{\{[^}]{0,200}\}\}|"[^"]*"|'[^']*'/g, "value")
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    let host: string | undefined;
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index]!;
      // An option's value follows it, unless the option is a switch or carries its value (`--username=x`).
      if (token.startsWith("-")) index += loginSwitches.has(token) || token.includes("=") ? 0 : 1;
      else host ??= token;
    }
    // Docker with no host signs in to Docker Hub; Helm has no default registry.
    if (host === undefined) {
      if (login[1] === "docker") hosts.push("docker.io");
    } else if (/^[\w-]+(?:\.[\w-]+)+(?::\d+)?$/.test(host)) hosts.push(host.toLowerCase());
  }
  return hosts;
}

/**
 * Registries named where a pipeline says where its images go: a `REGISTRY` setting
 * (`REGISTRY: ghcr.io`), or an image or repository setting whose value starts with a registry host
 * (`DOCKER_IMAGE: ghcr.io/acme/app`, `KO_DOCKER_REPO: quay.io/acme/app`, metadata-action's `images`).
 * A base or cache image (`KO_DEFAULTBASEIMAGE`, `cache-from`) and a job's own `image:` are pulled, not published to.
 */
function namedRegistries(text: string): string[] {
  const hosts: string[] = [];
  // The key is taken whole and judged apart: one way to match, linear on any line.
  const setting = /^[ \t]*(?:-[ \t]*)?([\w-]+):[ \t]*["']?([a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?)(\/|["'\s]*$)/gim;
  for (const match of text.matchAll(setting)) {
    const [, key, host, slash] = match;
    // A word of the key names the destination (DOCKER_IMAGE, REGISTRY, KO_DOCKER_REPO, images); `report`, `image-ref` do not.
    if (!/(?:^|[_-])(?:registry|repo|repository|images?)(?:$|[_-])/i.test(key!)) continue;
    // A job's or a service's own container (`image: ghcr.io/acme/ci-tools`) is where steps run, not a destination;
    // so are base, cache and scanned images and chart repositories.
    if (/^(?:image|container)$/i.test(key!) || /base|cache|from|mirror|ref|scan|helm|chart/i.test(key!)) continue;
    // A bare host is a registry only under a registry key; an image or repository names one before its path.
    if (slash !== "/" && !/registry/i.test(key!)) continue;
    hosts.push(host!.toLowerCase());
  }
  return hosts;
}

/** An image reference with a path and a tag (`jvmilazz0/kavita:nightly`, `ghcr.io/acme/app:${{ … }}`), as a tag list names it. */
const taggedImage =
  /(?<![\w./${}-])((?:[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?\/)?[a-z0-9][\w.-]*(?:\/[a-z0-9][\w.-]*)+):[\w${]/gi;

/**
 * The image repositories a pipeline tags what it builds with: the references on a `tags:` line or
 * the list items under one, and after `-t` / `--tag`. Names built from variables are left out
 * (their value is not in the file), and so is anything on a `image:`, `uses:` or cache line.
 */
function taggedImageNames(text: string): string[] {
  const names: string[] = [];
  // The indentation of the `tags:` key whose value runs on (a list or a block of lines), if any.
  let tagsIndent: number | undefined;
  for (const line of text.split("\n")) {
    const indent = /^[ \t]*/.exec(line)![0].length;
    if (tagsIndent !== undefined && /\S/.test(line) && indent <= tagsIndent && !/^[ \t]*-[ \t]/.test(line))
      tagsIndent = undefined;
    const key = /^[ \t]*(?:-[ \t]*)?([\w-]+):(?:[ \t]|$)/.exec(line)?.[1];
    const tagsKey = key !== undefined && /^tags$/i.test(key);
    if (tagsKey) tagsIndent = indent;
    const flagged = /(?:^|\s)(?:-t|--tag)[ \t=]/.test(line) && !/cache/i.test(line);
    if (!tagsKey && !flagged && (tagsIndent === undefined || key !== undefined)) continue;
    for (const match of line.matchAll(taggedImage)) names.push(match[1]!.toLowerCase());
  }
  return unique(names);
}

/** The line of `text` that holds the character at `index`. */
function lineAt(text: string, index: number): string {
  const start = text.lastIndexOf("\n", index) + 1;
  const end = text.indexOf("\n", index);
  return text.slice(start, end === -1 ? undefined : end);
}

/** GoReleaser's own configuration: what it builds, and how it archives or releases them. */
const isGoReleaserConfig = (text: string) =>
  /^builds:/m.test(text) && /^(?:archives?|nfpms?|brews|release|checksum|snapshot|dist):/m.test(text);

/** A pipeline's lines that run: a step commented out does nothing. */
const runningLines = (text: string | undefined) =>
  (clean(text) ?? "")
    .split("\n")
    .filter((line) => !/^\s*#/.test(line))
    .join("\n");

function factsOf(text: string | undefined, byJobs = true): PipelineFacts {
  const cleaned = runningLines(text);
  // A pipeline split into jobs is also read job by job (which deploy, which ship), each job once.
  const jobs = byJobs
    ? jobSections(cleaned)?.map((job): Job => ({ text: job, facts: factsOf(job, false) }))
    : undefined;
  const steps = [...cleaned.matchAll(/^[ \t]*(?:-[ \t]*)?(uses|image):[ \t]*["']?([^@\s"':]+)/gm)].map((match) => ({
    kind: match[1]!,
    name: match[2]!.toLowerCase(),
  }));
  const uses = steps.map((step) => step.name);
  // A step's container (`image: alpine/helm`) is where commands run, and its commands say what it does;
  // only a CI plugin's image (`plugins/docker`, `woodpeckerci/plugin-…`) is an action of its own.
  // A repository's own action (`./.github/actions/helm`) is named by its authors, not by what it does.
  const actions = steps
    .filter((step) => (step.kind === "uses" && !step.name.startsWith("./")) || /plugin|(^|\/)drone-/.test(step.name))
    .map((step) => step.name)
    .filter((name) => !/setup-helm$/.test(name));
  const commands = [...cleaned.matchAll(deployCommand)].map((match) => match[1]!.toLowerCase().replace(/\s+/g, " "));
  // `run: ./scripts/deploy.sh production`: a script that says what it does.
  if (
    /^[ \t]*(?:-[ \t]*)?run:[^\n]*\bdeploy\b/im.test(cleaned) ||
    /^[ \t]*(?:-[ \t]*)?run:[^\n]*deploy[\w-]*\.(?:sh|py|js|ts)\b/im.test(cleaned)
  )
    commands.push("a deploy script");
  const credentials = uses.filter((action) => credentialAction.test(action));
  if (/^[ \t]*id-token:\s*write\b/m.test(cleaned)) credentials.push("OIDC (id-token: write)");
  if (/^[ \t]*ssh-key:\s*\S/m.test(cleaned)) credentials.push("an SSH deploy key");
  const identities = [
    ...cleaned.matchAll(
      /^[ \t]*(role-to-assume|workload_identity_provider|service_account|client-id):\s*["']?([^\s"'#]+)/gm,
    ),
  ].map((match) => `${match[1]} ${match[2]}`);
  // A rehearsal publishes nothing: `npm publish --dry-run`, `helm push --help`, `goreleaser --snapshot`.
  const rehearsal = /--dry-run|--dry_run|--help|--snapshot|--skip[= ]publish/;
  const publishers = [...cleaned.matchAll(publishStep)]
    .filter((match) => !rehearsal.test(lineAt(cleaned, match.index)))
    .map((match) => (match[2] !== undefined ? "a build with --push" : match[1]!.toLowerCase().replace(/\s+/g, " ")));
  // GoReleaser's own configuration: its `dockers` (or `kos`) entries are the images a release publishes.
  if (/^(?:dockers|docker_manifests|kos):/m.test(cleaned)) publishers.push("goreleaser images");
  // A GoReleaser configuration publishes its builds as a release (GitHub's, by default) unless it
  // turns that off, and the distribution packages its `nfpms` describe with them.
  if (isGoReleaserConfig(cleaned)) {
    // One way to match each line (an indented line starts with a non-blank after its indent): linear on any file.
    if (!/^release:[ \t]*\n(?:[ \t]+\S[^\n]*\n|[ \t]*\n)*?[ \t]+disable:[ \t]*true\b/m.test(cleaned))
      publishers.push("goreleaser releases");
    if (/^nfpms?:/m.test(cleaned)) publishers.push("goreleaser packages (nfpm)");
  }
  const platforms = [...cleaned.matchAll(/\blinux\/(amd64|arm64|arm\/v\d|386|ppc64le|s390x|riscv64)\b/g)].map(
    (match) => `linux/${match[1]}`,
  );
  const tagLines = cleaned.split("\n").filter((line) => /tags?\b|\s-t\s|:latest\b/i.test(line));
  const registries = [
    ...cleaned.matchAll(/^[ \t]*registry:\s*["']?([\w.-]+\.[\w.-]+)/gm),
    ...cleaned.matchAll(/\boci:\/\/([\w.-]+\.[\w.-]+)/g),
  ]
    .map((match) => match[1]!.toLowerCase())
    .concat(loginRegistries(cleaned), namedRegistries(cleaned));
  return {
    throwawayCluster: jobs ? deploysOnlyToThrowawayClusters(jobs) : throwawayCluster.test(cleaned),
    steps: unique(uses),
    environments: environmentsOf(cleaned),
    credentials: unique(credentials),
    // A coverage upload's token in a test job is no credentials model: only the jobs that ship count.
    secrets: jobs ? secretsOfShippingJobs(jobs) : secretsIn(cleaned),
    identities: unique(identities),
    deployers: unique([
      ...actions.filter((action) => deployAction.test(action) && !credentialAction.test(action)),
      ...commands,
    ]),
    publishers: unique(publishers),
    platforms: unique(platforms),
    tagsLatest: tagLines.some((line) => /\blatest\b/.test(line)),
    registries: unique(registries),
    // Compared for the whole pipeline only: a job's facts say which jobs ship, not what they are named.
    imageNames: byJobs ? taggedImageNames(cleaned) : [],
    text: cleaned,
    releaseTargets: isGoReleaserConfig(cleaned) ? goReleaserTargets(cleaned) : [],
    ...(byJobs && isGoReleaserConfig(cleaned) ? { releasePlatforms: goReleaserPlatforms(cleaned) } : {}),
    // GoReleaser's own targets are read as its builds (a Rust build's triples are no Go platforms).
    triplePlatforms: byJobs && !isGoReleaserConfig(cleaned) ? pipelineTargetPlatforms(cleaned) : [],
    releaseTools: byJobs ? releaseToolsOf(cleaned) : [],
    // Asked of the whole pipeline only: a job's text has no triggers of its own.
    releaseTriggered: byJobs && (isGoReleaserConfig(cleaned) || runsForARelease(cleaned)),
    pullRequestsOnly: byJobs && runsOnlyForChanges(cleaned),
  };
}

/** The files that define a package of the project's releases, by the kind of package. */
const packagingFiles: [RegExp, string][] = [
  [/\.nuspec$/, "Chocolatey or NuGet package"],
  [/(^|\/)PKGBUILD$/, "Arch Linux package"],
  [/(^|\/)debian\/control$/, "Debian package"],
  [/\.wxs$/, "MSI installer"],
  [/(^|\/)AppImageBuilder\.ya?ml$/, "AppImage"],
];
const packagingOf = (path: string) => packagingFiles.find(([pattern]) => pattern.test(path))?.[1];

const isSnapcraftConfig = (path: string) => /(^|\/)\.?snapcraft\.ya?ml$/.test(path);

/** A snap added or removed, its base (the Ubuntu core under it) moved, an architecture added or dropped: one line, or undefined. */
function snapChanges(file: ReadFile): string | undefined {
  const [before, after] = [snapBuild(file.before), snapBuild(file.after)];
  const forArchitectures = (build: { architectures: string[] }) =>
    build.architectures.length > 0 ? ` for ${listed(build.architectures)}` : "";
  if (file.before === undefined && after !== undefined)
    return `new snap package ${file.path}${after.base ? ` on ${after.base}` : ""}${forArchitectures(after)}: a way users install releases`;
  if (file.after === undefined && before !== undefined) return `removes the snap package ${file.path}`;
  if (before === undefined || after === undefined) return undefined;
  const parts: string[] = [];
  if (before.base !== undefined && after.base !== undefined && before.base !== after.base)
    parts.push(`the snap moves to base ${after.base} (was ${before.base})`);
  if (before.architectures.length > 0 && after.architectures.length > 0) {
    const { added, removed } = difference(before.architectures, after.architectures);
    if (added.length > 0) parts.push(`builds the snap for ${listed(added)} too`);
    if (removed.length > 0) parts.push(`stops building the snap for ${listed(removed)}`);
  }
  return parts.length > 0 ? parts.join("; ") : undefined;
}

/** cargo-dist's configuration: the Rust targets a release builds, and where it publishes them. */
const isCargoDistConfig = (path: string) => /(^|\/)(?:dist-workspace|dist)\.toml$/.test(path);

const isPipeline = (path: string) =>
  /^\.(?:github|forgejo|gitea)\/workflows\/[^/]+\.ya?ml$/.test(path) ||
  /(^|\/)(\.gitlab-ci\.yml|Jenkinsfile|azure-pipelines\.yml|bitbucket-pipelines\.yml|\.drone\.yml|\.woodpecker\.ya?ml|cloudbuild\.ya?ml)$/.test(
    path,
  ) ||
  /^\.woodpecker\/[^/]+\.ya?ml$/.test(path) ||
  /^\.travis\.yml$/.test(path) ||
  /(^|\/)\.?goreleaser\.ya?ml$/.test(path) ||
  /^\.circleci\/config\.yml$/.test(path) ||
  /^\.buildkite\/pipeline\.ya?ml$/.test(path);

/** The CI service that runs a pipeline file, or undefined (GoReleaser's configuration runs in any). */
const ciSystems: [RegExp, string][] = [
  [/^\.github\/workflows\//, "GitHub Actions"],
  [/^\.forgejo\/workflows\//, "Forgejo Actions"],
  [/^\.gitea\/workflows\//, "Gitea Actions"],
  [/(^|\/)\.gitlab-ci\.yml$/, "GitLab CI"],
  [/(^|\/)Jenkinsfile$/, "Jenkins"],
  [/(^|\/)azure-pipelines\.yml$/, "Azure Pipelines"],
  [/(^|\/)bitbucket-pipelines\.yml$/, "Bitbucket Pipelines"],
  [/(^|\/)\.drone\.yml$/, "Drone"],
  [/^\.woodpecker(\/|\.ya?ml$)/, "Woodpecker"],
  [/(^|\/)cloudbuild\.ya?ml$/, "Cloud Build"],
  [/^\.travis\.yml$/, "Travis CI"],
  [/^\.circleci\//, "CircleCI"],
  [/^\.buildkite\//, "Buildkite"],
];
const ciSystemOf = (path: string) => ciSystems.find(([pattern]) => pattern.test(path))?.[1];

/**
 * The project's CI moved to another service: one service's pipelines removed, none of them kept
 * in the change, and another service's pipelines added (GitHub Actions -> Forgejo Actions). Every
 * contributor's checks then run elsewhere, whatever the pipelines do.
 */
function ciSystemSwitches(files: readonly ReadFile[]): Signal[] {
  const added = new Map<string, string[]>();
  const removed = new Set<string>();
  const kept = new Set<string>();
  for (const file of files) {
    const system = isPipeline(file.path) ? ciSystemOf(file.path) : undefined;
    // `git mv .github/workflows .forgejo/workflows`: the old service loses the file as the new one gains it.
    const origin = file.previousPath !== undefined ? ciSystemOf(file.previousPath) : undefined;
    if (system !== undefined && origin !== undefined && origin !== system) {
      removed.add(origin);
      added.set(system, [...(added.get(system) ?? []), file.path]);
      continue;
    }
    if (system === undefined) continue;
    if (file.before === undefined) added.set(system, [...(added.get(system) ?? []), file.path]);
    else if (file.after === undefined) removed.add(system);
    else kept.add(system);
  }
  const left = [...removed].filter((system) => !kept.has(system) && !added.has(system));
  const joined = [...added.keys()].filter((system) => !removed.has(system) && !kept.has(system));
  if (left.length === 0 || joined.length === 0) return [];
  const paths = added.get(joined[0]!)!;
  return [
    {
      file: paths[0]!,
      decision: true,
      reason: reasonText(
        `moves CI from ${listed(left)} to ${listed(joined)} (${paths.length} pipeline${paths.length === 1 ? "" : "s"} there now)`,
      ),
      technologies: ["ci/cd", ...joined],
    },
  ];
}

/**
 * Every job of the pipeline that deploys creates its own throwaway cluster (a kind test beside a
 * production deploy job still deploys): read per job when the pipeline has jobs to tell apart.
 */
const deploysOnlyToThrowawayClusters = (jobs: readonly Job[]) =>
  jobs.filter(({ facts }) => facts.deployers.length > 0).every(({ facts }) => facts.throwawayCluster);

/** Credential secrets of the jobs that ship. */
const secretsOfShippingJobs = (jobs: readonly Job[]) =>
  unique(jobs.filter(({ facts }) => ships(facts)).flatMap(({ text }) => secretsIn(text)));

/** A job's text and what it does, read once for every question asked of the pipeline's jobs. */
interface Job {
  text: string;
  facts: PipelineFacts;
}

/** A pipeline that ships: it deploys somewhere, publishes what others consume, or signs in to a cloud. */
const ships = (facts: PipelineFacts) =>
  (facts.deployers.length > 0 && !facts.throwawayCluster) ||
  facts.publishers.length > 0 ||
  facts.credentials.some((credential) => credentialAction.test(credential) && !/app-token/.test(credential));

/**
 * What the other pipelines of a change did before and do after, for each pipeline: a release step
 * moved between files is no change. Each file is read once, however many pipelines change.
 */
function releaseToolsOfOthers(
  pipelines: readonly ReadFile[],
): (file: ReadFile) => { before: Set<string>; after: Set<string> } {
  const sides = ["before", "after"] as const;
  const toolsOf = new Map(
    pipelines.map((file) => [
      file,
      { before: releaseToolsOf(runningLines(file.before)), after: releaseToolsOf(runningLines(file.after)) },
    ]),
  );
  // How many pipelines have each tool, on each side.
  const counts = { before: new Map<string, number>(), after: new Map<string, number>() };
  for (const tools of toolsOf.values())
    for (const side of sides) for (const tool of tools[side]) counts[side].set(tool, (counts[side].get(tool) ?? 0) + 1);
  return (file) => {
    const own = toolsOf.get(file) ?? { before: [], after: [] };
    const others = (side: (typeof sides)[number]) =>
      new Set(
        [...counts[side]].filter(([tool, count]) => count > (own[side].includes(tool) ? 1 : 0)).map(([tool]) => tool),
      );
    return { before: others("before"), after: others("after") };
  };
}

/** GitHub's `on:` block (its first line's rest and the indented lines under it), where a workflow's triggers are. */
const triggersBlock = /^(?:on|"on"|'on'):([^\n]*(?:\n(?:[ \t][^\n]*)?)*)/m;
/** A GitLab job for tags (`only: [tags]`, `$CI_COMMIT_TAG`) or a Woodpecker step for them (`event: tag`). */
const tagJob = /\$CI_COMMIT_TAG\b|^[ \t]+only:[ \t]*\[?[ \t]*tags\b|^[ \t]+only:[ \t]*\n[ \t]+-[ \t]*tags\b/m;
/** A Woodpecker step's `event:` that names `tag`, tested line by line (one pattern would backtrack over a long line). */
const tagEvent = (text: string) => text.split("\n").some((line) => /\bevent:/.test(line) && /\btag\b/.test(line));

/**
 * Runs for a release: a GitHub workflow triggered by a tag pushed or a release (`push: tags:`,
 * `on: release`, `on: [push, release]`), a GitLab or Woodpecker job for tags. A branch named
 * `release/**`, `tags-ignore:` and a GitLab job's runner `tags:` (`- docker`) are no such trigger.
 */
function runsForARelease(text: string): boolean {
  const triggers = triggersBlock.exec(text)?.[1] ?? "";
  const firstLine = triggers.split("\n")[0]!;
  return (
    /^[ \t]+(?:tags|release):/m.test(triggers) ||
    /(?:^|[\s,[])release(?:$|[\s,\]])/.test(firstLine) ||
    tagJob.test(text) ||
    tagEvent(text)
  );
}

/** Signatures in the project's own name, with its keys or its identity (not an SBOM, an attestation or a check of tags). */
const keySignature = /^signing:(?:cosign|SignPath|Apple|Windows|GPG|minisign)/;

/**
 * Installers or packages a pipeline builds and signs in the project's name, as `kind:name` (none
 * unless it does both, and none for a pipeline that only checks pull requests): builds made for
 * users, wherever the pipeline leaves them (a release draft, an artifact someone uploads by hand).
 * Nobody signs a test build with an Apple certificate.
 */
const signedPackages = (facts: PipelineFacts) =>
  !facts.pullRequestsOnly &&
  facts.releaseTools.some((tool) => tool.startsWith("package:")) &&
  facts.releaseTools.some((tool) => keySignature.test(tool))
    ? facts.releaseTools.filter((tool) => tool.startsWith("package:") || keySignature.test(tool))
    : [];

/**
 * A GitHub workflow that runs only for pull requests or a merge queue (`on: pull_request`,
 * `on: [pull_request, merge_group]`, or those keys alone under `on:`).
 */
function runsOnlyForChanges(text: string): boolean {
  const triggers = triggersBlock.exec(text)?.[1];
  if (triggers === undefined) return false;
  const firstLine = triggers.split("\n")[0]!.replace(/#.*/, "");
  const inline = firstLine.match(/[\w-]+/g) ?? [];
  const keys = [...triggers.matchAll(/^([ \t]+)([\w-]+):/gm)];
  // The keys at the block's own (smallest) indentation are its triggers.
  const indent = Math.min(...keys.map((key) => key[1]!.length));
  const names = inline.length > 0 ? inline : keys.filter((key) => key[1]!.length === indent).map((key) => key[2]!);
  return names.length > 0 && names.every((name) => /^(?:pull_request|pull_request_target|merge_group)$/.test(name));
}

/** A pipeline that makes releases: it ships, runs for a tag or a release, or builds signed installers. */
const releases = (facts: PipelineFacts) => ships(facts) || facts.releaseTriggered || signedPackages(facts).length > 0;

/** A pipeline that builds and pushes container images (not packages or binaries alone). */
const publishesImages = (facts: PipelineFacts) =>
  facts.publishers.some((publisher) => /build-push|docker|buildx|--push|kaniko|goreleaser images/.test(publisher));

/** What a publishing step ships: images, packages (npm, PyPI, crates, deb / rpm...) or releases. */
function artefactKind(publisher: string): "images" | "machine images" | "packages" | "releases" {
  // Packer builds the VM images a cloud launches (an AMI, a marketplace image).
  if (/packer/.test(publisher)) return "machine images";
  if (/build-push|docker|buildx|--push|kaniko|goreleaser images|\bko\b|crane|skopeo|podman|buildah|jib/.test(publisher))
    return "images";
  if (/goreleaser releases|gh release|action-gh-release|^goreleaser$/.test(publisher)) return "releases";
  return "packages";
}

/** What changed in how a pipeline ships and with which credentials, one clause each. */
function shippingChanges(old: PipelineFacts, next: PipelineFacts): { parts: string[]; technologies: string[] } {
  const parts: string[] = [];
  const shipping = ships(next) || ships(old);
  // An environment of a job that deploys nothing (an auto-merge job's approval gate) is not a place to run.
  const environments = ships(next) ? difference(old.environments, next.environments).added : [];
  // OIDC for a pipeline that ships nothing (an issue-triage bot's token) is no credentials model.
  const credentials = difference(
    old.credentials,
    next.credentials.filter((credential) => !credential.startsWith("OIDC") || ships(next)),
  );
  const secrets = shipping ? difference(old.secrets, next.secrets) : { added: [], removed: [] };
  const identities = difference(old.identities, next.identities);
  const deployers = difference(old.deployers, next.deployers).added;
  const publishers = difference(old.publishers, next.publishers).added;
  // An image build that names no platform builds for the runner's own, linux/amd64: naming arm64 beside it is a new architecture.
  const oldPlatforms = old.platforms.length > 0 || !publishesImages(old) ? old.platforms : ["linux/amd64"];
  const platforms = ships(next) && oldPlatforms.length > 0 ? difference(oldPlatforms, next.platforms).added : [];
  if (environments.length > 0) parts.push(`new environment ${listed(environments)}`);
  if (credentials.added.length > 0) parts.push(`new credential ${listed(credentials.added)}`);
  if (credentials.removed.length > 0 && (credentials.added.length > 0 || secrets.added.length > 0))
    parts.push(`drops credential ${listed(credentials.removed)}`);
  if (secrets.added.length > 0) parts.push(`now uses secret ${listed(secrets.added)}`);
  if (secrets.removed.length > 0 && shipping) parts.push(`stops using secret ${listed(secrets.removed)}`);
  if (identities.added.length > 0 && identities.removed.length > 0)
    parts.push(`assumes ${listed(identities.added, 2)} (was ${listed(identities.removed, 2)})`);
  if (deployers.length > 0) parts.push(`deploys with ${listed(deployers)}`);
  if (publishers.length > 0 && old.publishers.length === 0) parts.push(`now publishes with ${listed(publishers)}`);
  else {
    // A pipeline that already published now ships a new kind of artefact (packages beside images): a new channel.
    const kinds = new Set(old.publishers.map(artefactKind));
    // A release page added beside them is the same artefacts shown again, not a channel of its own.
    const channels = publishers.filter(
      (publisher) => !kinds.has(artefactKind(publisher)) && artefactKind(publisher) !== "releases",
    );
    if (channels.length > 0) parts.push(`now also publishes ${artefactKind(channels[0]!)} with ${listed(channels)}`);
  }
  if (platforms.length > 0) parts.push(`publishes for ${listed(platforms)} too`);
  // Users on an architecture no longer built lose their images.
  const droppedPlatforms =
    ships(old) && ships(next) && next.platforms.length > 0 ? difference(old.platforms, next.platforms).removed : [];
  if (droppedPlatforms.length > 0) parts.push(`stops publishing for ${listed(droppedPlatforms)}`);
  // A registry that a pipeline already shipping now pushes to: a new channel its users pull from.
  const registries = ships(old) && ships(next) ? difference(old.registries, next.registries).added : [];
  if (registries.length > 0) parts.push(`now publishes to ${listed(registries)}`);
  // The image its users pull renamed or moved (`kizaing/kavita` -> `jvmilazz0/kavita`): every
  // deployment must change where it pulls from. A name added beside the old ones is a new image, not a move.
  const names = difference(old.imageNames, next.imageNames);
  if (publishesImages(old) && publishesImages(next) && names.added.length > 0 && names.removed.length > 0)
    parts.push(`publishes images as ${listed(names.added, 2)} (was ${listed(names.removed, 2)})`);
  else if (
    publishesImages(next) &&
    names.removed.length > 0 &&
    names.added.length === 0 &&
    next.imageNames.length > 0
  ) {
    // A registry no image is tagged for any more, its images named nowhere else in the pipeline (not
    // moved into a variable): its users stop getting new releases.
    const hosts = (images: string[]) => unique(images.map(registryOf));
    const dropped = difference(hosts(old.imageNames), hosts(next.imageNames)).removed.filter((host) =>
      names.removed.every((name) => registryOf(name) !== host || !next.text.includes(name)),
    );
    if (dropped.length > 0) parts.push(`stops publishing images to ${listed(dropped)}`);
  }
  // Whole platforms when both versions could be read as such: an ignored pair leaves both lists as they were.
  if (old.releasePlatforms !== undefined && next.releasePlatforms !== undefined)
    parts.push(...releaseTargetChanges(old.releasePlatforms, next.releasePlatforms));
  else parts.push(...releaseTargetChanges(old.releaseTargets, next.releaseTargets));
  // A test matrix's targets are no release's: only a pipeline that makes releases is read for them.
  if (releases(old) || releases(next)) parts.push(...releaseTargetChanges(old.triplePlatforms, next.triplePlatforms));
  if (shipping && ships(old) && ships(next) && old.tagsLatest !== next.tagsLatest)
    parts.push(
      next.tagsLatest ? "starts tagging published images `latest`" : "stops tagging published images `latest`",
    );
  return { parts, technologies: [...environments, ...deployers, ...publishers] };
}

/**
 * CI/CD pipelines. A decision: a pipeline that deploys or publishes added or removed; a new
 * deployment environment of a pipeline that ships; a change of credentials model (a cloud
 * credential action, OIDC `id-token: write`, an SSH deploy key, an app token, the role assumed,
 * a token or key secret of a shipping pipeline appearing or disappearing); a new way or place to
 * deploy; publishing for a new CPU architecture or to a new registry; the `latest` tag policy of
 * published images.
 * Lint, test and triage pipelines, action version pins, job and step renames, caches, matrix
 * versions are not.
 *
 * Example: `actions/checkout@v3 -> @v4`: not a decision; `aws-actions/configure-aws-credentials`
 * and `environment: production` appearing in a deploy job: "new environment production; new credential ...".
 */
export function readCiCd(files: readonly ReadFile[]): Signal[] {
  const signals: Signal[] = ciSystemSwitches(files);
  // A repository's own actions count as elsewhere: a signing step moved into `.github/actions/sign` is kept, not dropped.
  const toolsElsewhere = releaseToolsOfOthers(
    files.filter((file) => isPipeline(file.path) || /^\.(?:github|forgejo|gitea)\/actions\//.test(file.path)),
  );
  for (const file of files) {
    const say = (decision: boolean, reason: string, technologies: string[] = []) =>
      signals.push({ file: file.path, decision, reason: reasonText(reason), technologies: ["ci/cd", ...technologies] });
    const packaging = packagingOf(file.path);
    if (packaging !== undefined) {
      // A WiX fragment added to an installer that exists is part of it, not a new one: only a package or product is.
      if (
        packaging === "MSI installer" &&
        file.before === undefined &&
        !/<(?:Package|Product)\b/.test(file.after ?? "")
      )
        say(false, "part of an installer's definition");
      else if (file.before === undefined)
        say(true, `new ${packaging} (${file.path}): a way users install releases`, [packaging]);
      else if (file.after === undefined) say(true, `removes ${packaging} (${file.path})`, [packaging]);
      else say(false, "package settings only");
      continue;
    }
    if (isSnapcraftConfig(file.path)) {
      const reason = snapChanges(file);
      if (reason !== undefined) say(true, reason, ["snap"]);
      else say(false, "snap settings only");
      continue;
    }
    if (isCargoDistConfig(file.path)) {
      const [before, after] = [cargoDistTargets(file.before), cargoDistTargets(file.after)];
      // A configuration added with its targets starts a release channel; targets written into an
      // existing one (which built the default ones before) are compared only once both name some.
      if (file.before === undefined && after !== undefined && after.length > 0)
        say(true, `new release configuration ${file.path} (cargo-dist builds for ${listed(after)})`, ["cargo-dist"]);
      else if (file.after === undefined && before !== undefined && before.length > 0)
        say(true, `removes release configuration ${file.path} (cargo-dist)`, ["cargo-dist"]);
      else {
        const parts = releaseTargetChanges(before ?? [], after ?? []);
        if (parts.length > 0) say(true, parts.join("; "), ["cargo-dist"]);
        else say(false, "release settings only");
      }
      continue;
    }
    if (!isPipeline(file.path)) {
      say(false, "a reusable action or script, not a pipeline");
      continue;
    }
    const name = file.path.split("/").pop()!;
    if (file.before === undefined || file.after === undefined) {
      const facts = factsOf(file.after ?? file.before);
      const verb = file.after === undefined ? "removes" : "new";
      // A store another pipeline of the change published to before (or still does): the job moved, the channel did not.
      const elsewhere = toolsElsewhere(file)[file.after === undefined ? "after" : "before"];
      const channels = facts.releaseTools.filter((tool) => tool.startsWith("channel:") && !elsewhere.has(tool));
      const shipsWith = [
        ...facts.environments,
        ...facts.deployers,
        ...facts.publishers,
        ...channels.map((tool) => tool.slice(8)),
      ];
      const moved = facts.releaseTools.filter((tool) => tool.startsWith("channel:") && elsewhere.has(tool));
      // Signed installers another pipeline of the change built before (or still builds) moved with their job.
      const signed = signedPackages(facts).filter((tool) => !elsewhere.has(tool));
      if (ships(facts) || channels.length > 0)
        say(true, `${verb} pipeline ${name} (ships: ${listed(unique(shipsWith))})`, shipsWith);
      else if (signed.some((tool) => tool.startsWith("package:")) && signed.some((tool) => keySignature.test(tool))) {
        const names = (kind: string) =>
          signed.filter((tool) => tool.startsWith(kind)).map((tool) => tool.slice(kind.length));
        say(
          true,
          `${verb} pipeline ${name} that builds signed releases: ${names("package:").join(", ")}, with ${names("signing:").join(", ")}`,
          [...names("package:"), ...names("signing:")],
        );
      } else if (moved.length > 0)
        say(
          false,
          `${verb} pipeline ${name}: publishing to ${listed(moved.map((tool) => tool.slice(8)))} moved between pipelines of the change`,
        );
      else say(false, `${verb} pipeline ${name} that neither deploys nor publishes (lint, test, automation)`);
      continue;
    }
    const old = factsOf(file.before);
    const next = factsOf(file.after);
    const { parts, technologies } = shippingChanges(old, next);
    if (releases(old) || releases(next))
      parts.push(...releaseToolChanges(old.releaseTools, next.releaseTools, toolsElsewhere(file)));
    parts.push(...setupSwitches(old.steps, next.steps));
    if (parts.length > 0) say(true, parts.join("; "), technologies);
    else say(false, "action versions, steps or job settings only");
  }
  return signals;
}
