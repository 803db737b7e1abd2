// The release workflow's checks and notes (.github/workflows/release.yml):
//   node scripts/release.js notes v1.2.3   prints the CHANGELOG.md section of 1.2.3, after checking
//                                          that the tag is package.json's version and the section exists.
import { readFileSync } from "node:fs";

/** The version a release tag names: `v1.2.3` -> `1.2.3`; anything else is refused. */
export function versionOfTag(tag) {
  const match = /^v(\d+\.\d+\.\d+)$/.exec(tag);
  if (!match) throw new Error(`${tag} is not a release tag: tag releases vMAJOR.MINOR.PATCH, e.g. v1.2.3`);
  return match[1];
}

/** The moving tag of a release's major version, which `uses: owner/repo@v0` follows. */
export function majorTagOf(tag) {
  return `v${versionOfTag(tag).split(".")[0]}`;
}

/**
 * The notes of `version` in a Keep a Changelog file: the text under `## [version]` up to the
 * next `## ` heading or the link definitions at the end.
 */
export function releaseNotes(changelog, version) {
  const lines = changelog.split(/\r?\n/);
  const start = lines.findIndex((line) => line.startsWith(`## [${version}]`));
  if (start < 0)
    throw new Error(
      `CHANGELOG.md has no "## [${version}] - YYYY-MM-DD" section: move the Unreleased entries under it before tagging`,
    );
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => line.startsWith("## ") || /^\[[^\]]+\]:\s/.test(line));
  const notes = (end < 0 ? rest : rest.slice(0, end)).join("\n").trim();
  if (!notes) throw new Error(`CHANGELOG.md's section for ${version} is empty: say what changed`);
  return notes;
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const [command, tag] = process.argv.slice(2);
  try {
    if (command !== "notes" || !tag) throw new Error("usage: node scripts/release.js notes vX.Y.Z");
    const version = versionOfTag(tag);
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    if (pkg.version !== version)
      throw new Error(
        `the tag says ${version} but package.json says ${pkg.version}: run \`npm version ${version}\` first`,
      );
    console.log(releaseNotes(readFileSync(new URL("../CHANGELOG.md", import.meta.url), "utf8"), version));
  } catch (error) {
    console.error(`release: ${error.message}`);
    process.exitCode = 1;
  }
}
