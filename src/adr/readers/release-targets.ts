import { parse as parseToml } from "smol-toml";
import { record } from "../../text/records.js";
import { yamlRecord } from "../../text/yaml-records.js";
import { clean, difference, listed, yamlMapping } from "./signal.js";

/**
 * The platforms a project's release builds binaries for, as its release tool names them: the
 * operating systems and CPU architectures of GoReleaser's `goos` / `goarch` lists, and the
 * Rust target triples of cargo-dist's `targets`. A platform added is a new place the project
 * must keep working (Windows, riscv64); one dropped leaves its users without releases.
 */

/** The operating system a Rust target triple names (`x86_64-pc-windows-msvc`), by the name a reader knows. */
const operatingSystems: [RegExp, string][] = [
  // Apple's other systems before macOS: `aarch64-apple-ios` is an iPhone, not a Mac.
  [/(?:^|-)(?:ios|tvos|watchos|visionos)(?:-|$)/, "ios"],
  [/windows/, "windows"],
  [/darwin|apple/, "macos"],
  [/android/, "android"],
  [/linux/, "linux"],
  [/freebsd/, "freebsd"],
  [/openbsd/, "openbsd"],
  [/netbsd/, "netbsd"],
];

/** CPU architectures, each by the names Go and Rust give it. */
const architectures: Record<string, string> = {
  amd64: "x86_64",
  x86_64: "x86_64",
  "386": "x86",
  i686: "x86",
  i586: "x86",
  arm64: "arm64",
  aarch64: "arm64",
  arm: "arm",
  armv7: "armv7",
  armv6: "armv6",
  riscv64: "riscv64",
  riscv64gc: "riscv64",
  ppc64le: "ppc64le",
  powerpc64le: "ppc64le",
  s390x: "s390x",
  loong64: "loongarch64",
  loongarch64: "loongarch64",
};

/** `x86_64-pc-windows-msvc` -> `windows/x86_64`; undefined for a string that is no triple. */
function tripleName(triple: string): string | undefined {
  const [arch, ...rest] = triple.toLowerCase().split("-");
  const cpu = architectures[arch!.replace(/^armv7\w*$/, "armv7")];
  const os = operatingSystems.find(([pattern]) => pattern.test(rest.join("-")))?.[1];
  return cpu !== undefined && os !== undefined ? `${os}/${cpu}` : undefined;
}

/**
 * The `goos` and `goarch` values of a GoReleaser configuration's builds (list items or inline
 * lists), as `os:windows` and `arch:arm64`; those of an `ignore:` block (combinations left out)
 * are not built. Read by indentation, line by line.
 */
export function goReleaserTargets(text: string): string[] {
  const targets = new Set<string>();
  const add = (kind: "os" | "arch", value: string) => {
    const lower = value.toLowerCase();
    const name = kind === "os" ? (lower === "darwin" ? "macos" : lower) : (architectures[lower] ?? lower);
    targets.add(`${kind}:${name}`);
  };
  let list: { kind: "os" | "arch"; indent: number } | undefined;
  let ignoreIndent: number | undefined;
  for (const line of text.split("\n")) {
    if (!/\S/.test(line)) continue;
    const indent = /^[ \t]*/.exec(line)![0].length;
    const isItem = /^[ \t]*-/.test(line);
    // An `ignore:` block lists combinations left out: its lines (items at its own indent too) build nothing.
    if (ignoreIndent !== undefined) {
      if (indent > ignoreIndent || (indent === ignoreIndent && isItem)) continue;
      ignoreIndent = undefined;
    }
    if (list !== undefined && (indent < list.indent || (indent === list.indent && !isItem))) list = undefined;
    const key = /^[ \t]*(?:-[ \t]*)?(goos|goarch|ignore):[ \t]*([^\n]*)$/.exec(line);
    if (key?.[1] === "ignore") {
      ignoreIndent = indent;
      list = undefined;
    } else if (key) {
      const kind = key[1] === "goos" ? "os" : "arch";
      const inline = /^\[([^\]]*)\]/.exec(key[2]!.trim());
      if (inline) for (const value of inline[1]!.split(",")) add(kind, value.trim().replace(/^["']|["']$/g, ""));
      else if (key[2]!.trim() === "") list = { kind, indent };
    } else {
      const item = /^[ \t]*-[ \t]*["']?([\w.]+)["']?[ \t]*$/.exec(line);
      if (list && item) add(list.kind, item[1]!);
    }
  }
  return [...targets].sort();
}

const strings = (value: unknown): string[] | undefined =>
  Array.isArray(value)
    ? value.flatMap((item) => (typeof item === "string" || typeof item === "number" ? [String(item)] : []))
    : undefined;

/** A Go platform (`darwin`, `amd64`) by the name a reader knows (`macos/x86_64`). */
const goPlatform = (os: string, arch: string) => `${os === "darwin" ? "macos" : os}/${architectures[arch] ?? arch}`;

/**
 * The platforms Go builds for (`go tool dist list`): GoReleaser skips a combination of its lists
 * that is not one of them (`darwin/ppc64le`), so a list of operating systems times architectures
 * names only these.
 */
const goPorts = new Set(
  [
    "aix/ppc64",
    "android/386 amd64 arm arm64",
    "darwin/amd64 arm64",
    "dragonfly/amd64",
    "freebsd/386 amd64 arm arm64 riscv64",
    "illumos/amd64",
    "ios/amd64 arm64",
    "js/wasm",
    "linux/386 amd64 arm arm64 loong64 mips mips64 mips64le mipsle ppc64 ppc64le riscv64 s390x",
    "netbsd/386 amd64 arm arm64",
    "openbsd/386 amd64 arm arm64 ppc64 riscv64",
    "plan9/386 amd64 arm",
    "solaris/amd64",
    "wasip1/wasm",
    "windows/386 amd64 arm arm64",
  ].flatMap((line) => {
    const [os, arches] = line.split("/");
    return arches!.split(" ").map((arch) => `${os}/${arch}`);
  }),
);

/** Go's first-class ports, which GoReleaser's `go_first_class` target names. */
const goFirstClass = [
  "darwin/amd64",
  "darwin/arm64",
  "linux/386",
  "linux/amd64",
  "linux/arm",
  "linux/arm64",
  "windows/386",
  "windows/amd64",
];

/**
 * The platforms a GoReleaser configuration builds, as whole combinations (`windows/arm`): each
 * build's `targets` list when it has one (`linux_amd64`, `linux_arm_7`), else its `goos` times its
 * `goarch` (GoReleaser's defaults when unset) that Go builds, less its `ignore` combinations (one that names a
 * `goarm` leaves the other ARM versions built). Undefined when the file is not YAML GoReleaser reads.
 * Read as combinations, an ignored pair (`windows/arm`) is a platform dropped though both lists stay.
 */
export function goReleaserPlatforms(text: string): string[] | undefined {
  // GoReleaser's YAML parser resolves merge keys (`- <<: *defaults`): read the builds as it does.
  const builds = yamlRecord(clean(text), { merge: true, warnings: "print" })?.builds;
  if (!Array.isArray(builds)) return undefined;
  const platforms = new Set<string>();
  for (const build of builds.map(record)) {
    if (build.skip === true) continue;
    // A Rust, Zig or Bun build names its targets its own way: only Go's (and prebuilt binaries') are read here.
    if (typeof build.builder === "string" && !["go", "prebuilt"].includes(build.builder)) continue;
    const targets = strings(build.targets);
    if (targets !== undefined) {
      for (const target of targets) {
        // `go_first_class` (and `go_118_first_class`): Go's first-class ports.
        if (/^go_(?:\d+_)?first_class$/.test(target)) {
          for (const port of goFirstClass) platforms.add(goPlatform(...(port.split("/") as [string, string])));
          continue;
        }
        const [os, arch] = target.split("_");
        if (os !== undefined && arch !== undefined) platforms.add(goPlatform(os, arch));
      }
      continue;
    }
    const ignored = (Array.isArray(build.ignore) ? build.ignore : [])
      .map(record)
      .filter((pair) => pair.goarm === undefined && pair.goamd64 === undefined);
    for (const os of strings(build.goos) ?? ["darwin", "linux", "windows"])
      for (const arch of strings(build.goarch) ?? ["386", "amd64", "arm64"])
        if (
          goPorts.has(`${os}/${arch}`) &&
          !ignored.some((pair) => (pair.goos ?? os) === os && (pair.goarch ?? arch) === arch)
        )
          platforms.add(goPlatform(os, arch));
  }
  return [...platforms].sort();
}

/** A Rust target triple where a release pipeline names what it builds (`target: aarch64-apple-darwin`). */
const targetTriple =
  /(?<![\w.-])((?:x86_64|i686|i586|aarch64|armv7\w*|arm|riscv64gc|riscv64|powerpc64le|s390x|loongarch64)-(?:unknown|pc|apple|linux|alpine)-[a-z0-9_-]*[a-z0-9])(?![\w.-])/gi;

/**
 * The platforms a release pipeline builds binaries for, from the target triples it names (its
 * matrix's `target: x86_64-pc-windows-msvc`, a `--target` option), as `windows/x86_64`.
 */
export function pipelineTargetPlatforms(text: string): string[] {
  const platforms = new Set<string>();
  for (const match of text.matchAll(targetTriple)) {
    const name = tripleName(match[1]!);
    if (name !== undefined) platforms.add(name);
  }
  return [...platforms].sort();
}

/** A YAML value written as one string or as a list of them (`build-for: arm64`, `build-for: [arm64]`). */
const oneOrMany = (value: unknown): string[] | undefined => (typeof value === "string" ? [value] : strings(value));

/** A snap's base (the Ubuntu core it runs on) and the architectures it is built for. */
export interface SnapBuild {
  base?: string;
  architectures: string[];
}

/**
 * What a `snapcraft.yaml` builds: its `base` (`core24`) and the architectures of `platforms`
 * (core24: a map, `build-for` or the key) or of `architectures` (earlier bases: `build-for` or
 * plain names). Undefined when the file is not YAML.
 */
export function snapBuild(text: string | undefined): SnapBuild | undefined {
  const doc = yamlMapping(text);
  if (doc === undefined) return undefined;
  const names = new Set<string>();
  const platforms = record(doc.platforms);
  for (const [key, value] of Object.entries(platforms)) {
    for (const name of oneOrMany(record(value)["build-for"]) ?? [key]) names.add(name);
  }
  if (Array.isArray(doc.architectures))
    for (const item of doc.architectures) {
      if (typeof item === "string") names.add(item);
      else {
        const buildFor = record(item)["build-for"] ?? record(item)["run-on"] ?? record(item)["build-on"];
        for (const name of oneOrMany(buildFor) ?? []) names.add(name);
      }
    }
  return {
    ...(typeof doc.base === "string" ? { base: doc.base } : {}),
    architectures: [...names].sort(),
  };
}

/** The target triples of a cargo-dist configuration (`dist-workspace.toml`, `dist.toml`), as platforms; undefined when it names none. */
export function cargoDistTargets(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const targets = record(doc.dist).targets ?? record(record(record(doc.workspace).metadata).dist).targets;
  if (!Array.isArray(targets)) return undefined;
  const names = targets.flatMap((target) => (typeof target === "string" ? (tripleName(target) ?? []) : []));
  return [...new Set(names)].sort();
}

/** The release platforms added and dropped between two versions, one clause each (none when either names none). */
export function releaseTargetChanges(old: readonly string[], next: readonly string[]): string[] {
  if (old.length === 0 || next.length === 0) return [];
  const { added, removed } = difference(old, next);
  const shown = (names: string[]) => listed(names.map((name) => name.replace(/^(?:os|arch):/, "")));
  return [
    ...(added.length > 0 ? [`builds releases for ${shown(added)} too`] : []),
    ...(removed.length > 0 ? [`stops building releases for ${shown(removed)}`] : []),
  ];
}
