import { record } from "../../text/records.js";
import { clean, difference, listed, reasonText, yamlMapping, type ReadFile, type Signal } from "./signal.js";

const osWords = [
  "alpine",
  "slim",
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
 * What a base image is, without its version: the image family (registry and numbers dropped:
 * `gcr.io/distroless/nodejs20-debian12` -> `distroless/nodejs-debian`) and its OS flavour
 * (`alpine`, `slim`, `distroless`...). `node:20.11-alpine` and `node:20.12-alpine` are the same.
 */
function imageIdentity(reference: string): { family: string; os: string; shown: string } {
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
  const os = osWords.find((word) => new RegExp(`(^|[^a-z])${word}([^a-z]|$)`).test(words)) ?? "default";
  return { family, os, shown: reference };
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

function composeServices(text: string | undefined): Map<string, string> | undefined {
  const doc = yamlMapping(text);
  if (doc === undefined) return undefined;
  const services = record(doc.services) as Record<string, { image?: unknown; build?: unknown } | undefined>;
  // A service with neither an image nor a build (an override file's ports, env) extends one defined elsewhere.
  return new Map(
    Object.entries(services).flatMap(([name, service]): [string, string][] =>
      typeof service?.image === "string"
        ? [[name, service.image]]
        : service?.build !== undefined
          ? [[name, "(built here)"]]
          : [],
    ),
  );
}

const familyOf = (image: string) => (image === "(built here)" ? image : identityKey(image));

/**
 * Dockerfiles and Compose files. A decision: a new image family or base OS (`node` ->
 * distroless, `alpine` -> `debian`), a Dockerfile added or removed, a Compose service added or
 * removed or moved to another image family. Tag bumps of the same image, HEALTHCHECK, ENV, COPY
 * and port changes are not.
 *
 * Example: `FROM node:20.11-alpine` -> `FROM node:20.12-alpine`: not a decision;
 * `FROM node:20-alpine` -> `FROM gcr.io/distroless/nodejs20-debian12`: "base image ... -> ...".
 */
export function readContainers(files: readonly ReadFile[]): Signal[] {
  const signals: Signal[] = [];
  for (const file of files) {
    const name = file.path.split("/").pop()!;
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

    if (/compose/i.test(name) && /\.ya?ml$/.test(name)) {
      const old = composeServices(file.before) ?? new Map<string, string>();
      const next = composeServices(file.after) ?? new Map<string, string>();
      const { added, removed } = difference(old.keys(), next.keys());
      const moved = [...next].filter(
        ([service, image]) => old.has(service) && familyOf(old.get(service)!) !== familyOf(image),
      );
      if (added.length > 0)
        decide(
          `adds service ${listed(added.map((service) => `${service} (${next.get(service)})`))}`,
          added.map((service) => technology(next.get(service)!)),
        );
      if (removed.length > 0)
        decide(
          `removes service ${listed(removed)}`,
          removed.map((service) => technology(old.get(service)!)),
        );
      if (moved.length > 0)
        decide(
          `${listed(moved.map(([service, image]) => `${service}: ${old.get(service)} -> ${image}`))}`,
          moved.map(([, image]) => technology(image)),
        );
      if (added.length + removed.length + moved.length === 0) note("service settings or image tags only");
      continue;
    }
    const old = baseImages(file.before);
    const next = baseImages(file.after);
    if (file.before === undefined) {
      decide(`new Dockerfile on ${listed(next) || "an unnamed base"}`, next.map(technology));
      continue;
    }
    if (file.after === undefined) {
      decide(`removes the Dockerfile (${listed(old)})`, old.map(technology));
      continue;
    }
    const { added, removed } = difference(old.map(identityKey), next.map(identityKey));
    if (added.length > 0 || removed.length > 0)
      decide(`base image ${listed(old)} -> ${listed(next)}`, next.map(technology));
    else
      note(
        old.join() === next.join()
          ? "build steps only"
          : `base image tag ${listed(old)} -> ${listed(next)}, same image and OS`,
      );
  }
  return signals;
}
