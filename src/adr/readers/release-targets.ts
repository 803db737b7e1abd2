import { parse as parseToml } from "smol-toml";
import { record } from "../../text/records.js";
import { difference, listed } from "./signal.js";

/**
 * The platforms a project's release builds binaries for, as its release tool names them: the
 * operating systems and CPU architectures of GoReleaser's `goos` / `goarch` lists, and the
 * Rust target triples of cargo-dist's `targets`. A platform added is a new place the project
 * must keep working (Windows, riscv64); one dropped leaves its users without releases.
 */

/** The operating system a Rust target triple names (`x86_64-pc-windows-msvc`), by the name a reader knows. */
const operatingSystems: [RegExp, string][] = [
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
