import { record } from "../../text/records.js";
import { buildRuntimeLineChanges, isVersionedImage, managerSwitch, releaseLine } from "./runtimes.js";
import { clean, difference, listed, reasonText, yamlMapping, type ReadFile, type Signal } from "./signal.js";

const osWords = [
  "alpine",
  "slim",
  "trixie",
  "bookworm",
  "bullseye",
  "buster",
  "stretch",
  "jammy",
  "focal",
  "noble",
  "bionic",
  "distroless",
  "scratch",
  "debian",
  "ubuntu",
  "ubi",
  "amazonlinux",
  "busybox",
  "chainguard",
  "wolfi",
  "windowsservercore",
  "nanoserver",
];

/**
 * Flavours of one OS: an official image's default, `-slim` and Debian's release names are all
 * Debian (`node:20` -> `node:20-slim` trims packages, it changes no OS); Ubuntu's likewise.
 */
const osFamilies: Record<string, string> = {
  default: "debian",
  slim: "debian",
  trixie: "debian",
  bookworm: "debian",
  bullseye: "debian",
  buster: "debian",
  stretch: "debian",
  jammy: "ubuntu",
  focal: "ubuntu",
  noble: "ubuntu",
  bionic: "ubuntu",
};

/**
 * What a base image is, without its version: the image family (registry and numbers dropped:
 * `gcr.io/distroless/nodejs20-debian12` -> `distroless/nodejs-debian`) and its OS flavour
 * (`alpine`, `slim`, `distroless`...). `node:20.11-alpine` and `node:20.12-alpine` are the same.
 */
function imageIdentity(reference: string): { family: string; os: string; shown: string; repository: string } {
  const withoutDigest = reference.split("@")[0]!;
  const lastSlash = withoutDigest.lastIndexOf("/");
  const colon = withoutDigest.indexOf(":", lastSlash + 1);
  const name = colon >= 0 ? withoutDigest.slice(0, colon) : withoutDigest;
  const tag = colon >= 0 ? withoutDigest.slice(colon + 1) : "";
  const parts = name.split("/");
  // A first part with a dot, a colon or "localhost" is a registry host.
  if (parts.length > 1 && /[.:]|^localhost$/.test(parts[0]!)) parts.shift();
  if (parts[0] === "library") parts.shift();
  const family = parts
    .join("/")
    .toLowerCase()
    .replace(/\d+(\.\d+)*/g, "")
    .replace(/-+$/, "");
  const words = `${parts.join("/")} ${tag}`.toLowerCase();
  const flavour = osWords.find((word) => new RegExp(`(^|[^a-z])${word}([^a-z]|$)`).test(words)) ?? "default";
  const os = osFamilies[flavour] ?? flavour;
  return { family, os, shown: reference, repository: parts.join("/").toLowerCase() };
}

/** Debian's and Ubuntu's release names, each as a pattern compiled once and the release it names. */
const osReleaseNames = Object.entries({
  stretch: "Debian 9",
  buster: "Debian 10",
  bullseye: "Debian 11",
  bookworm: "Debian 12",
  trixie: "Debian 13",
  bionic: "Ubuntu 18.04",
  focal: "Ubuntu 20.04",
  jammy: "Ubuntu 22.04",
  noble: "Ubuntu 24.04",
}).map(([name, release]) => ({ pattern: new RegExp(`(^|[^a-z])${name}([^a-z]|$)`), shown: `${release} (${name})` }));

/**
 * The Debian or Ubuntu release a base image is built on, by its name or number (`debian:bookworm-slim`,
 * `node:20-bullseye`, `ubuntu:22.04`, `distroless/base-debian12`); undefined when the image does not say.
 */
function osRelease(image: string, family: string): string | undefined {
  const words = image.split("@")[0]!.split("/").pop()!.toLowerCase();
  const named = osReleaseNames.find(({ pattern }) => pattern.test(words));
  if (named) return named.shown;
  const debian = /-debian(\d+)\b/.exec(words) ?? (family === "debian" ? /^(\d+)\b/.exec(tagOf(image)) : null);
  if (debian) return `Debian ${debian[1]}`;
  const ubuntu = family === "ubuntu" ? /^(\d\d\.\d\d)\b/.exec(tagOf(image)) : null;
  return ubuntu ? `Ubuntu ${ubuntu[1]}` : undefined;
}

/**
 * Base images of one family moved to another Debian or Ubuntu release (`debian:bullseye-slim` ->
 * `debian:bookworm-slim`): every package the image installs comes from the new release.
 */
function osReleaseMoves(old: string[], next: string[]): string[] {
  const releases = (images: string[]) =>
    new Map(
      images.flatMap((image) => {
        const { family } = imageIdentity(image);
        const release = osRelease(image, family);
        return release === undefined ? [] : [[family, release] as [string, string]];
      }),
    );
  const from = releases(old);
  return [...releases(next)].flatMap(([family, release]) => {
    const was = from.get(family);
    // "Debian 12 (bookworm)" and "Debian 12" are one release: the OS and its number decide.
    const releaseOf = (shown: string) => shown.split(" ").slice(0, 2).join(" ");
    return was !== undefined && releaseOf(was) !== releaseOf(release) && was.split(" ")[0] === release.split(" ")[0]
      ? [`${was} -> ${release}`]
      : [];
  });
}

/**
 * The base of the image that ships: the last stage's, followed through the stages it builds on
 * (`FROM base` where `base` is `FROM ubuntu:24.04 AS base`); none when an argument names it.
 */
function shippedBase(text: string | undefined): string[] {
  const stages = new Map<string, string>();
  let last: string | undefined;
  for (const match of (clean(text) ?? "").matchAll(
    /^[ \t]*FROM[ \t]+(?:--platform=\S+[ \t]+)?(\S+)(?:[ \t]+AS[ \t]+(\S+))?/gim,
  )) {
    last = match[1]!;
    if (match[2]) stages.set(match[2].toLowerCase(), last);
  }
  // Each step goes one stage back; a Dockerfile has as many stages as steps can take.
  for (let steps = 0; last !== undefined && stages.has(last.toLowerCase()) && steps <= stages.size; steps++)
    last = stages.get(last.toLowerCase());
  return last !== undefined && !last.includes("$") && !stages.has(last.toLowerCase()) ? [last] : [];
}

/** Base images of a Dockerfile, stages that build on earlier stages left out. */
function baseImages(text: string | undefined): string[] {
  const cleaned = clean(text);
  if (cleaned === undefined) return [];
  const stages = new Set<string>();
  const images: string[] = [];
  for (const line of cleaned.split("\n")) {
    const match = /^\s*FROM\s+(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (!match) continue;
    const image = match[1]!;
    if (!stages.has(image.toLowerCase()) && !image.includes("$")) images.push(image);
    if (match[2]) stages.add(match[2].toLowerCase());
  }
  return images;
}

const identityKey = (image: string) => {
  const { family, os } = imageIdentity(image);
  return `${family} (${os})`;
};

/** A compose service as far as the decision goes: the image it runs, or that it is built here, or that it extends another. */
interface ComposeService {
  image?: string;
  built: boolean;
  /** For a service built here: the datastore or runtime image its build args name as its base. */
  baseImage?: string;
}

/** A service with its YAML merge keys applied (`<<: *defaults`, or a list of them), as Compose reads it. */
function merged(service: unknown): { image?: unknown; build?: unknown; extends?: unknown } {
  const own = record(service);
  const bases = Array.isArray(own["<<"]) ? (own["<<"] as unknown[]) : [own["<<"]];
  // Earlier entries of a merge list win over later ones; the service's own keys win over all.
  return Object.assign({}, ...[...bases].reverse().map(record), own) as { image?: unknown; build?: unknown };
}

/**
 * Compose's interpolation read for its defaults: `${DB_IMAGE:-postgres:16}` is `postgres:16`
 * unless the environment says otherwise. A variable with no default (`${IMAGE_REPO}:7.2`) leaves
 * the image unknown here: undefined, so no move is read into it.
 */
const unknownImage = "an image the environment names";

function withDefaults(value: string): string | undefined {
  let unknown = false;
  const resolved = value.replace(
    /\$(?:\{\w+(?::?-([^}]{0,1000})|:?\?[^}]{0,1000})?\}|\w+)/g,
    (_whole, fallback?: string) => {
      if (fallback === undefined) unknown = true;
      return fallback ?? "";
    },
  );
  return unknown || resolved === "" ? undefined : resolved;
}

function composeServices(text: string | undefined): Map<string, ComposeService> {
  const doc = yamlMapping(text);
  // `x-` and `.` keys are YAML anchors' homes, not services.
  // A service with no image, build or `extends` (an override file's ports, env) is defined elsewhere.
  return new Map(
    Object.entries(record(doc?.services))
      .filter(([name]) => !/^(x-|\.)/.test(name))
      .map(([name, service]) => [name, merged(service)] as const)
      .filter(
        ([, service]) => service.image !== undefined || service.build !== undefined || service.extends !== undefined,
      )
      .map(([name, service]): [string, ComposeService] => {
        const baseImage = baseImageArg(service.build);
        return [
          name,
          {
            ...(typeof service.image === "string" ? { image: withDefaults(service.image) ?? unknownImage } : {}),
            built: service.build !== undefined,
            ...(baseImage !== undefined ? { baseImage } : {}),
          },
        ];
      }),
  );
}

/** The engine an image runs, when it is a known one: `pgautoupgrade/pgautoupgrade` and `postgres` are both Postgres. */
const engineWords: [RegExp, string][] = [
  [/postgres|postgis|timescale|(^|\/)pg/, "postgres"],
  [/mysql|mariadb|percona/, "mysql"],
  [/redis|valkey|keydb|dragonfly/, "redis"],
  [/mongo/, "mongodb"],
  [/elasticsearch|opensearch/, "search"],
  [/kafka|redpanda/, "kafka"],
  [/rabbitmq/, "rabbitmq"],
  [/clickhouse/, "clickhouse"],
  [/memcached/, "memcached"],
];
const engineOf = (family: string) => engineWords.find(([pattern]) => pattern.test(family))?.[1];

/** Images that serve an engine without being it: admin UIs, exporters, poolers, backup and operator tools. */
const engineTooling =
  /admin|exporter|bouncer|pool|backup|dump|client|cli\b|operator|proxy|ui\b|web|gui|insight|commander|express|metrics|sidecar|tools?\b|migrat|connect|rest\b|registry|meta\b|zookeeper/;

/**
 * The name an image's release line is read by: its own (`postgres`, `node`), or the engine it
 * packages (`pgautoupgrade/pgautoupgrade:16-alpine` and `bitnami/postgresql:16` are Postgres 16);
 * undefined when its tags name no line of ours.
 */
function lineNameOf(family: string): string | undefined {
  const name = family.split("/").pop()!;
  if (isVersionedImage(name)) return name;
  if (engineTooling.test(family)) return undefined;
  const engine = engineOf(family);
  return engine !== undefined && isVersionedImage(engine) ? engine : undefined;
}

/** Whether a service moved to something else: another engine, or another image family with no engine in common. */
function serviceMove(old: ComposeService, next: ComposeService): string | undefined {
  // A service built here on a datastore or runtime base image named in its build args (`BASE_IMAGE`).
  if (old.built && next.built && old.baseImage !== undefined && next.baseImage !== undefined)
    return imageMove(old.baseImage, next.baseImage, true);
  if (old.image === undefined || next.image === undefined || old.built || next.built) return undefined;
  if (old.image === unknownImage || next.image === unknownImage) return undefined;
  return imageMove(old.image, next.image, false);
}

function imageMove(old: string, next: string, built: boolean): string | undefined {
  const from = imageIdentity(old);
  const to = imageIdentity(next);
  const sameEngine = engineOf(from.family) !== undefined && engineOf(from.family) === engineOf(to.family);
  if (from.family !== to.family && !sameEngine) return `${built ? "built on " : ""}${old} -> ${next}`;
  const name = lineNameOf(to.family);
  if (name === undefined) return undefined;
  const move = lineMove(name, tagOf(old), tagOf(next), packagingName(to.family, name));
  return move && built ? `built on ${move}` : move;
}

/** The first build arg naming a datastore or runtime image (`BASE_IMAGE: clickhouse/clickhouse-server:23.8`). */
function baseImageArg(build: unknown): string | undefined {
  const args = record(build).args;
  const values = Array.isArray(args)
    ? args.map((arg) => withDefaults(String(arg).split("=").slice(1).join("=")))
    : Object.values(record(args)).map((value) => withDefaults(String(value)));
  return values.find(
    (value): value is string =>
      value !== undefined && /^[\w./-]+:[\w.-]+$/.test(value) && lineNameOf(imageIdentity(value).family) !== undefined,
  );
}

/** `latest`, `alpine`, no tag: a tag that names no release, so each pull may bring a new major. */
const isUnpinned = (tag: string) => !/\d/.test(tag);

/**
 * A datastore or runtime image moved to another release line (`postgres:12` -> `postgres:14`), or
 * unpinned (`postgres:12` -> `postgres:latest`): the next pull may then upgrade the engine's major
 * unasked. Pinning a floating tag records the line in use, and is no move.
 */
function lineMove(name: string, fromTag: string, toTag: string, packagedAs?: string): string | undefined {
  const shown = packagedAs === undefined ? name : `${packagedAs} (${name})`;
  const fromLine = releaseLine(name, fromTag);
  // A packaged engine's floating tag is its own upgrade policy (`pgautoupgrade:latest` upgrades the
  // data itself), not a major left to chance: only the engine's own image counts as unpinned.
  if (fromLine !== undefined && isUnpinned(toTag) && packagedAs === undefined)
    return `${shown} ${fromLine} -> ${toTag || "untagged"} (unpinned: the newest major)`;
  const toLine = releaseLine(name, toTag);
  return fromLine !== undefined && toLine !== undefined && fromLine !== toLine
    ? `${shown} ${fromLine} -> ${toLine}`
    : undefined;
}

/** The image's own name when it packages an engine named otherwise (`pgautoupgrade` for Postgres), else undefined. */
const packagingName = (family: string, lineName: string) => {
  const own = family.split("/").pop()!;
  return own === lineName ? undefined : own;
};

const tagOf = (image: string) => {
  const withoutDigest = image.split("@")[0]!;
  const colon = withoutDigest.indexOf(":", withoutDigest.lastIndexOf("/") + 1);
  return colon >= 0 ? withoutDigest.slice(colon + 1) : "";
};

/** The registry an image is pulled from: its host, or Docker Hub when the reference names none. */
export function registryOf(reference: string): string {
  const first = reference.split("/")[0]!;
  const host = reference.includes("/") && /[.:]|^localhost$/.test(first) ? first.toLowerCase() : "docker.io";
  return /^(?:(?:index|registry-1)\.)?docker\.io$/.test(host) ? "Docker Hub" : host;
}

/** The same image (its repository unchanged) now pulled from another registry: `mailcow/dovecot` -> `ghcr.io/mailcow/dovecot`. */
function registryMove(old: ComposeService, next: ComposeService): string | undefined {
  if (old.image === undefined || next.image === undefined) return undefined;
  if (old.image === unknownImage || next.image === unknownImage) return undefined;
  if (imageIdentity(old.image).repository !== imageIdentity(next.image).repository) return undefined;
  const from = registryOf(old.image);
  const to = registryOf(next.image);
  return from === to ? undefined : `${from} -> ${to}`;
}

/**
 * Several services' images moved together to another registry: where the project's images come
 * from (and who may publish them) changed for everyone who runs it. One image moving (an upstream
 * that changed registries) is no such choice.
 */
function registryMoves(
  before: ReadonlyMap<string, { service: ComposeService }>,
  after: ReadonlyMap<string, { service: ComposeService; file: string }>,
): { file: string; move: string; services: string[] }[] {
  const moves = new Map<string, { file: string; move: string; services: string[] }>();
  for (const [name, { service, file }] of after) {
    const move = before.has(name) ? registryMove(before.get(name)!.service, service) : undefined;
    if (move === undefined) continue;
    const key = `${file}\n${move}`;
    const entry = moves.get(key) ?? { file, move, services: [] };
    entry.services.push(name);
    moves.set(key, entry);
  }
  return [...moves.values()].filter(({ services }) => services.length >= 2);
}

function describeService(name: string, service: ComposeService): string {
  if (service.image === unknownImage) return `\`${name}\` (${unknownImage})`;
  if (service.image) return `\`${name}\` (image family ${imageIdentity(service.image).repository})`;
  return `\`${name}\`${service.built ? " (built here)" : ""}`;
}

/**
 * Compose files, compared as one application over the whole change: a service moved between
 * files (a file renamed, an override that now `extends` the base) is the same service. A
 * decision: a service added or removed, a service moved to another engine or image family, a
 * datastore or runtime image moved to another release line. Tags within a line, an OS flavour,
 * ports, environment and health checks are not.
 */
function readCompose(files: readonly ReadFile[]): Signal[] {
  const before = new Map<string, { service: ComposeService; file: string }>();
  const after = new Map<string, { service: ComposeService; file: string }>();
  for (const file of files) {
    for (const [name, service] of composeServices(file.before))
      if (!before.has(name) || service.image) before.set(name, { service, file: file.previousPath ?? file.path });
    for (const [name, service] of composeServices(file.after))
      if (!after.has(name) || service.image) after.set(name, { service, file: file.path });
  }
  const { added, removed } = difference(before.keys(), after.keys());
  const byFile = new Map<string, string[]>();
  const technologies = new Map<string, string[]>();
  const say = (file: string, clause: string, technology: string) => {
    byFile.set(file, [...(byFile.get(file) ?? []), clause]);
    technologies.set(file, [...(technologies.get(file) ?? []), technology]);
  };
  for (const name of added)
    say(after.get(name)!.file, `adds service ${describeService(name, after.get(name)!.service)}`, name);
  for (const name of removed) {
    const file = files.some((candidate) => candidate.path === before.get(name)!.file)
      ? before.get(name)!.file
      : files[0]!.path;
    say(file, `removes service ${describeService(name, before.get(name)!.service)}`, name);
  }
  for (const [name, { service, file }] of after) {
    const move = before.has(name) ? serviceMove(before.get(name)!.service, service) : undefined;
    if (move) say(file, `service \`${name}\`: ${move}`, name);
  }
  for (const { file, move, services } of registryMoves(before, after))
    say(
      file,
      `images of ${services.length} services now pulled from ${move.split(" -> ")[1]} (was ${move.split(" -> ")[0]}): ${listed(
        services.map((name) => `\`${name}\``),
        3,
      )}`,
      move.split(" -> ")[1]!,
    );
  const signals: Signal[] = [...byFile].map(([file, clauses]) => ({
    file,
    decision: true,
    reason: reasonText(`${listed(clauses, 3)} in ${file.split("/").pop()}`),
    technologies: ["docker", ...(technologies.get(file) ?? [])],
  }));
  for (const file of files)
    if (!byFile.has(file.path))
      signals.push({
        file: file.path,
        decision: false,
        reason: "service settings, image tags or files moved only",
        technologies: ["docker"],
      });
  return signals;
}

/** Runtime and datastore base images moved to another release line: `node:18-slim` -> `node:20-slim`. */
function baseImageLines(old: string[], next: string[]): string[] {
  const tags = (images: string[]) =>
    new Map(
      images.flatMap((image) => {
        const { family } = imageIdentity(image);
        const name = lineNameOf(family);
        return name === undefined
          ? []
          : [[name, { tag: tagOf(image), packagedAs: packagingName(family, name) }] as const];
      }),
    );
  const from = tags(old);
  return [...tags(next)].flatMap(([name, { tag, packagedAs }]) => {
    const move = from.has(name) ? lineMove(name, from.get(name)!.tag, tag, packagedAs) : undefined;
    return move === undefined ? [] : [move];
  });
}

/** The images a Kubernetes manifest's containers run (`image: postgres:10.4`, quoted or not, in a list or not). */
const containerImageLine = /^[ \t]*(?:-[ \t]*)?image:[ \t]*["']?([\w./:@-]+)/gm;

/**
 * Workload images of a manifest moved to another release line of a runtime or datastore
 * (`postgres:10.4` -> `postgres:18.1-trixie`): the data directory is upgraded with it. An image
 * whose line is in use in both versions (one of several databases moved) is no move.
 */
export function workloadImageLineMoves(before: string | undefined, after: string | undefined): string[] {
  const lines = (text: string | undefined) => {
    const found = new Map<string, { name: string; tag: string; packagedAs?: string; lines: Set<string> }>();
    for (const [, image] of (text ?? "").matchAll(containerImageLine)) {
      const { family } = imageIdentity(image!);
      const name = lineNameOf(family);
      const tag = tagOf(image!);
      const line = name === undefined ? undefined : releaseLine(name, tag);
      if (name === undefined || line === undefined) continue;
      const entry = found.get(family) ?? {
        name,
        tag,
        packagedAs: packagingName(family, name),
        lines: new Set<string>(),
      };
      entry.lines.add(line);
      found.set(family, entry);
    }
    return found;
  };
  const old = lines(before);
  return [...lines(after)].flatMap(([family, next]) => {
    const previous = old.get(family);
    if (previous === undefined || [...next.lines].every((line) => previous.lines.has(line))) return [];
    if ([...previous.lines].some((line) => next.lines.has(line))) return [];
    const move = lineMove(next.name, previous.tag, next.tag, next.packagedAs);
    return move === undefined ? [] : [move];
  });
}

const isCompose = (path: string) => {
  const name = path.split("/").pop()!;
  return /compose/i.test(name) && /\.ya?ml$/.test(name);
};

/**
 * Dockerfiles and Compose files. A decision: a Dockerfile added or removed, a new image family or
 * base OS in a Dockerfile (`node` -> distroless, `alpine` -> `debian`; a stage dropped is not), a
 * runtime or datastore base image on another release line (`node:18` -> `node:20`), and what
 * `readCompose` calls one. Tag bumps within a line, HEALTHCHECK, ENV, COPY and ports are not.
 *
 * Example: `FROM node:20.11-alpine` -> `FROM node:20.12-alpine`: not a decision;
 * `FROM node:20-alpine` -> `FROM gcr.io/distroless/nodejs20-debian12`: "base image ... -> ...".
 */
export function readContainers(files: readonly ReadFile[]): Signal[] {
  const signals: Signal[] = readCompose(files.filter((file) => isCompose(file.path)));
  for (const file of files.filter((candidate) => !isCompose(candidate.path))) {
    const decide = (reason: string, technologies: string[]) =>
      signals.push({
        file: file.path,
        decision: true,
        reason: reasonText(reason),
        technologies: ["docker", ...technologies],
      });
    const note = (reason: string) =>
      signals.push({ file: file.path, decision: false, reason: reasonText(reason), technologies: ["docker"] });
    const technology = (image: string) => imageIdentity(image).family.split("/").pop()!;
    const old = baseImages(file.before);
    const next = baseImages(file.after);
    // A GitHub Action's own container (`.github/actions/x/Dockerfile`) is CI tooling, not something deployed.
    if (file.path.startsWith(".github/")) {
      note("the container of a CI action");
      continue;
    }
    // A development container (`.devcontainer/`, Gitpod) is where contributors work, not what runs in production.
    if (/(^|\/)\.devcontainer\/|(^|\/)\.gitpod\.Dockerfile$/.test(file.path)) {
      note("a development container");
      continue;
    }
    // A script the image build runs (`containers/app/setup.sh`): only the runtimes it installs are read.
    if (file.path.endsWith(".sh")) {
      const installs = buildRuntimeLineChanges(clean(file.before) ?? "", clean(file.after) ?? "");
      if (installs.length > 0)
        decide(
          `the image build installs ${listed(installs)}`,
          installs.map((change) => change.split(" ")[0]!),
        );
      else note("build script steps only");
      continue;
    }
    if (file.before === undefined) {
      decide(`new Dockerfile on ${listed(next) || "an unnamed base"}`, next.map(technology));
      continue;
    }
    if (file.after === undefined) {
      decide(`removes the Dockerfile (${listed(old)})`, old.map(technology));
      continue;
    }
    const { added } = difference(old.map(identityKey), next.map(identityKey));
    const lines = baseImageLines(old, next);
    // Only the image that ships: a build stage's OS (a Go compiler on Debian) is gone from the result.
    const osMoves = osReleaseMoves(shippedBase(file.before), shippedBase(file.after));
    const manager = managerSwitch(clean(file.before)!, clean(file.after)!);
    const installs = buildRuntimeLineChanges(clean(file.before)!, clean(file.after)!);
    if (manager) decide(`the build ${manager}`, manager.split(" -> ").slice(-1));
    if (added.length > 0) decide(`base image ${listed(old)} -> ${listed(next)}`, next.map(technology));
    else if (lines.length > 0)
      decide(
        `runtime ${listed(lines)} (base image ${listed(old, 2)} -> ${listed(next, 2)})`,
        lines.map((line) => line.split(" ")[0]!),
      );
    else if (osMoves.length > 0)
      decide(`base OS ${listed(osMoves)} (base image ${listed(old, 2)} -> ${listed(next, 2)})`, [
        osMoves[0]!.split(" ")[0]!.toLowerCase(),
      ]);
    else if (installs.length > 0)
      decide(
        `the image build installs ${listed(installs)}`,
        installs.map((change) => change.split(" ")[0]!),
      );
    else
      note(
        old.join() === next.join()
          ? "build steps only"
          : `base image tag ${listed(old)} -> ${listed(next)}, same image, OS and release line`,
      );
  }
  return signals;
}
