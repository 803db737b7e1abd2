import { afterEach, describe, expect, it } from "@jest/globals";
import { execFile } from "node:child_process";
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { templateRoot } from "../support/data-files.js";

const exec = promisify(execFile);
const bin = new URL("../../bin/cto-copilot.js", import.meta.url).pathname;
const scratch: string[] = [];

function cacheHome(): string {
  const home = mkdtempSync(join(tmpdir(), "cto-copilot-cache-"));
  scratch.push(home);
  return home;
}

async function validateWith(env: Record<string, string>, cwd?: string) {
  const { stdout } = await exec("node", [bin, "validate", "--root", templateRoot, "--format", "json"], {
    env: { ...process.env, NO_COLOR: "", ...env },
    ...(cwd ? { cwd } : {}),
  });
  return JSON.parse(stdout) as unknown;
}

/** The one directory the installed copy keeps its compiled chunks in, under $XDG_CACHE_HOME. */
function entriesUnder(home: string): { directory: string; entries: string[] } {
  const copies = join(home, "cto-copilot", "compiled");
  const [copy] = readdirSync(copies);
  const directory = join(copies, copy!);
  return { directory, entries: readdirSync(directory) };
}

const expected = { diagnostics: [], summary: { files: 9, errors: 0, warnings: 0 } };

afterEach(() => {
  for (const path of scratch.splice(0)) rmSync(path, { recursive: true, force: true });
});

describe("the command keeps its compiled code between runs", () => {
  it("writes it on the first run, private to the user, and gives the same answer with it", async () => {
    const home = cacheHome();
    expect(await validateWith({ XDG_CACHE_HOME: home })).toEqual(expected);
    const { directory, entries } = entriesUnder(home);
    expect(entries.some((entry) => /^main-[A-Z0-9]+\.cjs\./.test(entry))).toBe(true);
    expect(statSync(directory).mode & 0o777).toBe(0o700);
    for (const entry of entries) expect(statSync(join(directory, entry)).mode & 0o777).toBe(0o600);
    expect(await validateWith({ XDG_CACHE_HOME: home })).toEqual(expected);
    expect(entriesUnder(home).entries.sort()).toEqual([...entries].sort());
  });

  it("compiles again, and answers the same, when an entry is damaged", async () => {
    const home = cacheHome();
    await validateWith({ XDG_CACHE_HOME: home });
    const { directory, entries } = entriesUnder(home);
    for (const entry of entries) writeFileSync(join(directory, entry), "not compiled code");
    expect(await validateWith({ XDG_CACHE_HOME: home })).toEqual(expected);
  });

  it("compiles again, and answers the same, when an entry's header is whole but its body is damaged", async () => {
    const home = cacheHome();
    await validateWith({ XDG_CACHE_HOME: home });
    const { directory, entries } = entriesUnder(home);
    for (const entry of entries) {
      const bytes = readFileSync(join(directory, entry));
      // V8 reads its own header (after our 8 bytes) first: leave it, damage what follows.
      for (let index = 8 + 64; index < bytes.length; index += 97) bytes[index] = bytes[index]! ^ 0xff;
      writeFileSync(join(directory, entry), bytes);
    }
    expect(await validateWith({ XDG_CACHE_HOME: home })).toEqual(expected);
    expect(await validateWith({ XDG_CACHE_HOME: home })).toEqual(expected);
  });

  it("neither uses nor cleans a cache directory that is a link, and leaves the linked files alone", async () => {
    const home = cacheHome();
    await validateWith({ XDG_CACHE_HOME: home });
    const { directory } = entriesUnder(home);
    rmSync(directory, { recursive: true });
    const elsewhere = cacheHome();
    mkdirSync(join(elsewhere, "keys"), { mode: 0o700 });
    writeFileSync(join(elsewhere, "keys", "id_rsa"), "a key");
    symlinkSync(join(elsewhere, "keys"), directory);
    expect(await validateWith({ XDG_CACHE_HOME: home })).toEqual(expected);
    expect(readdirSync(join(elsewhere, "keys"))).toEqual(["id_rsa"]);
    expect(readFileSync(join(elsewhere, "keys", "id_rsa"), "utf8")).toBe("a key");
  });

  it("writes nothing with NODE_DISABLE_COMPILE_CACHE=1, nor into a directory others can write to", async () => {
    const off = cacheHome();
    expect(await validateWith({ XDG_CACHE_HOME: off, NODE_DISABLE_COMPILE_CACHE: "1" })).toEqual(expected);
    expect(readdirSync(off)).toEqual([]);

    const shared = cacheHome();
    await validateWith({ XDG_CACHE_HOME: shared });
    const { directory, entries } = entriesUnder(shared);
    for (const entry of entries) rmSync(join(directory, entry));
    chmodSync(directory, 0o777);
    expect(await validateWith({ XDG_CACHE_HOME: shared })).toEqual(expected);
    expect(readdirSync(directory)).toEqual([]);
  });

  it("never writes into the directory it runs in, even when XDG_CACHE_HOME is relative", async () => {
    const here = cacheHome();
    expect(await validateWith({ XDG_CACHE_HOME: "cache" }, here)).toEqual(expected);
    expect(readdirSync(here)).toEqual([]);
  });
});
