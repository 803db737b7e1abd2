import { posix } from "node:path";
import { clean, listed, reasonText, type ReadFile, type Signal } from "./signal.js";

export const isTerraformLock = (path: string) => posix.basename(path) === ".terraform.lock.hcl";

/**
 * The provider releases a lock file selects: `provider "registry.terraform.io/hashicorp/aws" {
 * version = "6.0.0" ...}` -> `hashicorp/aws` -> `6.0.0`. Read line by line: a lock file is
 * written by `terraform init`, one attribute a line.
 */
function lockedProviders(text: string | undefined): Map<string, string> {
  const providers = new Map<string, string>();
  let current: string | undefined;
  for (const line of (clean(text) ?? "").split("\n")) {
    const block = /^provider\s+"(?:[^"/]+\/)?([^"]+)"\s*\{/.exec(line);
    if (block) current = block[1]!;
    const version = current === undefined ? null : /^[ \t]*version[ \t]*=[ \t]*"v?([^"]+)"/.exec(line);
    if (version) {
      providers.set(current!, version[1]!);
      current = undefined;
    }
  }
  return providers;
}

/** The release line a version belongs to: the major, or `0.x` for a release below 1 (every 0.x minor may break). */
function lineOf(version: string): string | undefined {
  const match = /^(\d+)\.(\d+)/.exec(version);
  if (!match) return undefined;
  return match[1] === "0" ? `0.${match[2]}` : match[1];
}

/**
 * Terraform's dependency lock files (`.terraform.lock.hcl`). A decision: a provider locked to
 * another major line (hashicorp/aws 5 -> 6), which every plan of the configuration then runs
 * with, whatever `required_providers` allows. Releases within a line and new hashes are not.
 * One signal for the change, naming every lock file that moved (a live repository keeps one per
 * root).
 */
export function readTerraformLocks(files: readonly ReadFile[]): Signal[] {
  const moves = new Map<string, { from: string; to: string; files: string[] }>();
  const moved = new Set<string>();
  for (const file of files) {
    const before = lockedProviders(file.before);
    for (const [provider, version] of lockedProviders(file.after)) {
      const previous = before.get(provider);
      const from = previous === undefined ? undefined : lineOf(previous);
      const to = lineOf(version);
      if (from === undefined || to === undefined || from === to) continue;
      const key = `${provider} ${from} -> ${to}`;
      const entry = moves.get(key) ?? { from, to, files: [] };
      entry.files.push(file.path);
      moves.set(key, entry);
      moved.add(file.path);
    }
  }
  const signals: Signal[] = [];
  if (moves.size > 0) {
    const lockFiles = [...moved];
    const where = lockFiles.length === 1 ? lockFiles[0]! : `${lockFiles[0]} and ${lockFiles.length - 1} more`;
    signals.push({
      file: lockFiles[0]!,
      decision: true,
      reason: reasonText(`provider ${listed([...moves.keys()], 3)} (locked in ${where})`),
      technologies: [...new Set([...moves.keys()].map((key) => key.split(" ")[0]!.split("/").pop()!))],
    });
  }
  for (const file of files)
    if (!moved.has(file.path))
      signals.push({
        file: file.path,
        decision: false,
        reason:
          file.before === undefined
            ? "a new lock file (a new root's providers)"
            : file.after === undefined
              ? "a lock file removed"
              : "provider releases within their major lines (lock file)",
        technologies: ["terraform"],
      });
  return signals;
}
