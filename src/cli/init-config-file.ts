import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { configPath } from "../config/resolve-config.js";
import { tagMatcher } from "../dora/tag-pattern.js";
import { gitMaybe } from "../local/git.js";
import { writeAtomically } from "../local/write-atomically.js";
import { localConfigFile, type LocalTags } from "../scaffold/default-config.js";
import type { Config } from "../schemas/config.js";
import { configSchemaComment } from "../schemas/schema-url.js";

/**
 * Writes `.github/cto-copilot.yml` measuring DORA as the CLI does here; true when it did. When
 * this run already wrote one (the services of a monorepo, `dora.source: tags` with them), that
 * file only gets the editor's schema line on top.
 */
export async function writeLocalConfig(
  root: string,
  dataDir: string,
  config: Config,
  servicesBlock: string | undefined,
): Promise<boolean> {
  const target = resolve(root, configPath);
  const tags = await localTags(root, config.dora.tagPattern);
  await mkdir(dirname(target), { recursive: true });
  try {
    const text = localConfigFile({
      dataDir,
      windowDays: config.dora.windowDays,
      tags,
      ...(servicesBlock ? { servicesBlock } : {}),
    });
    await writeFile(target, text, { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const written = await readFile(target, "utf8");
    if (!written.startsWith(configSchemaComment)) await writeAtomically(target, `${configSchemaComment}\n${written}`);
    return false;
  }
}

/** The clone's tags the scorecard would take as releases, newest first by creation. */
async function localTags(root: string, pattern: string | undefined): Promise<LocalTags> {
  const listed = await gitMaybe(root, [
    "for-each-ref",
    // The last key sorts first: by creation, then by version among tags of the same second.
    "--sort=-v:refname",
    "--sort=-creatordate",
    // Without `refs/tags/` (as the scorecard reads them): `:short` says `tags/v1.2.0` when a branch shares the name.
    "--format=%(refname:lstrip=2)",
    "refs/tags",
  ]);
  const matches = await tagMatcher(pattern);
  const selected = (listed ?? "").split("\n").filter((name) => name !== "" && matches(name));
  return { pattern, count: selected.length, ...(selected[0] ? { latest: selected[0] } : {}) };
}
