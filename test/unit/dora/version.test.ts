import { describe, expect, it } from "@jest/globals";
import semver from "semver";
import { compareVersions, parseVersion } from "../../../src/dora/version.js";
import { random } from "../../support/random.js";

/** Version-like texts, valid and not: the forms tags take, and the edges of the grammar. */
function corpus(): string[] {
  const fixed = [
    "1.2.3",
    "v1.2.3",
    "0.0.0",
    "01.2.3",
    "1.02.3",
    "1.2.03",
    "1.2",
    "1.2.3.4",
    "v1.2.3-rc.1",
    "1.2.3-rc.1+build.5",
    "1.2.3+build",
    "1.2.3-",
    "1.2.3-rc..1",
    "1.2.3-01",
    "1.2.3-0",
    "1.2.3-0a",
    "1.2.3-a-b.c-d",
    "1.2.3-alpha.beta",
    "1.2.3-alpha.10",
    "1.2.3-alpha.9",
    "1.2.3-beta",
    "1.2.3-beta.2",
    "1.2.3-beta.11",
    "1.2.3-rc.1",
    "1.2.3-x.7.z.92",
    " 1.2.3 ",
    "=1.2.3",
    "V1.2.3",
    "1.2.3-DEV",
    "1.2.3-dev",
    "9007199254740991.0.0",
    "9007199254740992.0.0",
    "1.2.3-9007199254740990",
    "1.2.3-9007199254740991",
    "1.2.3-99999999999999999999",
    "1.2.3-1.99999999999999999999",
    "4.22.1",
    "5.2.0",
    "5.2.0-rc.1",
    "1.2.3+",
    "1.2.3-+build",
    "1.2.3-a+b+c",
    "",
    "v",
    "1.2.3-\u00e9",
    `1.2.3-${"a".repeat(249)}`,
    `1.2.3-${"a".repeat(250)}`,
    `1.2.3+${"b".repeat(250)}`,
  ];
  const rand = random(7);
  const part = () => ["0", "1", "2", "10", "01", "a", "rc", "-", "x1", "1x", "99"][Math.floor(rand() * 11)]!;
  const generated = Array.from({ length: 400 }, () => {
    const main = `${part()}.${part()}.${part()}`;
    const pre = rand() < 0.6 ? `-${Array.from({ length: 1 + Math.floor(rand() * 3) }, part).join(".")}` : "";
    const build = rand() < 0.2 ? `+${part()}` : "";
    return `${rand() < 0.2 ? "v" : ""}${main}${pre}${build}`;
  });
  return [...fixed, ...generated];
}

describe("versions, read as Semantic Versioning 2.0.0 reads them", () => {
  const texts = corpus();

  it("are the texts the semver package takes as versions, written the way it writes them", () => {
    for (const text of texts)
      expect({ text, version: parseVersion(text)?.text ?? null }).toEqual({ text, version: semver.valid(text) });
    // Both kinds are in the corpus.
    expect(texts.filter((text) => semver.valid(text)).length).toBeGreaterThan(50);
    expect(texts.filter((text) => !semver.valid(text)).length).toBeGreaterThan(50);
  });

  it("are ordered by precedence exactly as the semver package orders them", () => {
    const valid = [...new Set(texts.filter((text) => semver.valid(text)))];
    for (const a of valid)
      for (const b of valid) {
        const ours = compareVersions(parseVersion(a)!, parseVersion(b)!);
        expect({ a, b, order: ours }).toEqual({ a, b, order: semver.compare(a, b) });
      }
  });

  it("tell pre-releases and major versions as the semver package does", () => {
    for (const text of texts.filter((candidate) => semver.valid(candidate))) {
      const version = parseVersion(text)!;
      expect({ text, prerelease: version.prerelease.length > 0 ? version.prerelease : null }).toEqual({
        text,
        prerelease: semver.prerelease(text),
      });
      expect(version.major).toBe(semver.major(text));
    }
  });
});
