/**
 * A changed file's base version as `git diff` already showed it: its blob id at the base and
 * the patch from there to the working tree. `adr check` reads the base version of every
 * infrastructure file it judges; rebuilt from the working-tree text and the patch, and checked
 * against the blob id, it costs no second read of the object store (on a change of 5,000 loose
 * files, `git cat-file` spent more CPU than the rest of our process on the files).
 */
export interface BaseVersion {
  blob: string;
  patch: string;
}

const hunkHeader = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

/**
 * The text the patch was made from, given the text it leads to: unchanged stretches and context
 * lines from `after`, removed lines from the patch. Undefined when the patch does not fit `after`.
 * A line followed by `\ No newline at end of file` has no line end on its side.
 */
export function rebuildBase(after: string, patch: string): string | undefined {
  if (!patch.startsWith("@@")) return undefined;
  const afterLines = after.split("\n");
  // "a\nb\n" holds two lines, "a\nb" two as well (the last without its line end), "" none.
  const afterCount = after === "" ? 0 : after.endsWith("\n") ? afterLines.length - 1 : afterLines.length;
  const afterLine = (index: number) => (index < afterLines.length - 1 ? `${afterLines[index]}\n` : afterLines[index]!);
  const lines = patch.split("\n");
  if (lines.at(-1) === "") lines.pop();
  const base: string[] = [];
  let position = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const kind = line.charCodeAt(0);
    if (kind === 64 /* @ */) {
      const header = hunkHeader.exec(line);
      if (!header) return undefined;
      const start = Number(header[1]);
      // `+5,0`: the hunk adds nothing and sits after line 5; otherwise it starts at line 5.
      const at = header[2] === "0" ? start : start - 1;
      if (at < position || at > afterCount) return undefined;
      while (position < at) base.push(afterLine(position++));
    } else if (kind === 45 /* - */) {
      const endless = lines[index + 1]?.charCodeAt(0) === 92; /* \ */
      base.push(endless ? line.slice(1) : `${line.slice(1)}\n`);
    } else if (kind === 43 /* + */) {
      position++;
    } else if (kind !== 92 /* \ */) {
      // Context: a space, or an empty line (`diff.suppressBlankEmpty`).
      if (position >= afterCount) return undefined;
      base.push(afterLine(position++));
    }
  }
  if (position > afterCount) return undefined;
  while (position < afterCount) base.push(afterLine(position++));
  return base.join("");
}

/** Whether `bytes` are the blob `id` (SHA-1, or SHA-256 in a repository of that format). */
function isBlob(bytes: Uint8Array, id: string): boolean {
  // Node's crypto is loaded here, when a base is rebuilt: loading it cost every local command 2 ms.
  const { createHash } = process.getBuiltinModule("node:crypto");
  const hash = createHash(id.length === 64 ? "sha256" : "sha1");
  hash.update(`blob ${bytes.length}\0`);
  hash.update(bytes);
  return hash.digest("hex") === id;
}

/** The base version's bytes rebuilt from the working-tree text, when they are exactly the base blob. */
export function baseBytes(after: string, version: BaseVersion): Uint8Array | undefined {
  const text = rebuildBase(after, version.patch);
  if (text === undefined) return undefined;
  const bytes = Buffer.from(text, "utf8");
  return isBlob(bytes, version.blob) ? bytes : undefined;
}
