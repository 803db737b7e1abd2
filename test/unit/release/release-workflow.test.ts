import { describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { parseDocument } from "yaml";
import { majorTagOf, releaseNotes, versionOfTag } from "../../../scripts/release.js";

const root = new URL("../../../", import.meta.url).pathname;
const read = (file: string) => readFileSync(`${root}${file}`, "utf8");

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}

function workflow() {
  const document = parseDocument(read(".github/workflows/release.yml"));
  expect(document.errors.map((error) => error.message)).toEqual([]);
  return document.toJS() as {
    on: { push: { tags: string[] } };
    permissions: Record<string, string>;
    jobs: Record<string, { permissions: Record<string, string>; steps: Step[] }>;
  };
}

/** A GitHub Actions filter pattern as a regular expression (`*`, `+`, `?`, `[...]`; `.` literal). */
function filterPattern(pattern: string): RegExp {
  const source = pattern
    .replace(/[.^$(){}|\\]/g, "\\$&")
    .replace(/\*\*?/g, (stars) => (stars === "**" ? ".*" : "[^/]*"));
  return new RegExp(`^${source}$`);
}

describe("the release workflow (.github/workflows/release.yml)", () => {
  it("runs on a tag vX.Y.Z only", () => {
    const tags = workflow().on.push.tags.map(filterPattern);
    const releases = (tag: string) => tags.some((pattern) => pattern.test(tag));
    expect(["v0.1.0", "v1.2.3", "v10.20.30"].filter(releases)).toEqual(["v0.1.0", "v1.2.3", "v10.20.30"]);
    expect(["v0", "v1.2", "1.2.3", "v1.2.3-rc.1", "main"].filter(releases)).toEqual([]);
  });

  it("checks the tag and the notes, tests, checks the bundle, then publishes with provenance, releases and moves the major tag, in that order", () => {
    const { permissions, jobs } = workflow();
    expect(permissions).toEqual({});
    const [job] = Object.values(jobs);
    expect(job!.permissions).toEqual({ contents: "write", "id-token": "write" });
    const runs = job!.steps.map((step) => step.run ?? "");
    const at = (text: string) => {
      const index = runs.findIndex((run) => run.includes(text));
      if (index < 0) throw new Error(`no step runs ${text}`);
      return index;
    };
    const notes = at("node scripts/release.js notes");
    const tests = at("npm run verify");
    const bundle = at("git diff --exit-code -- dist/index.js");
    const pack = at("npm pack");
    const dryRun = at("npm publish --dry-run --provenance");
    const publish = runs.findIndex((run) => /^npm publish --provenance --access public "\$TARBALL"$/m.test(run));
    const release = at("gh release create");
    const major = at("git push --force origin");
    expect([notes, tests, bundle, pack, dryRun, publish, release, major]).toEqual(
      [notes, tests, bundle, pack, dryRun, publish, release, major].slice().sort((a, b) => a - b),
    );
    expect(dryRun).toBeLessThanOrEqual(publish);
    expect(runs[release]).toContain("--notes-file");
    expect(runs[release]).toContain("cto-copilot.mjs");
    // Provenance needs a registry the setup step points npm at.
    expect(job!.steps.find((step) => step.uses?.startsWith("actions/setup-node@"))?.with).toMatchObject({
      "registry-url": "https://registry.npmjs.org",
    });
  });

  it("every run script is valid bash", () => {
    for (const step of Object.values(workflow().jobs).flatMap((job) => job.steps)) {
      if (step.run) expect(() => execFileSync("bash", ["-n", "-c", step.run!], { stdio: "pipe" })).not.toThrow();
    }
  });

  it("moves the major tag the Action is used by: v0.4.2 moves v0, v1.0.0 moves v1", () => {
    const step = Object.values(workflow().jobs)[0]!.steps.find((s) => s.run?.includes("git push --force origin"))!;
    const assignment = step.run!.split("\n").find((line) => line.startsWith("major="))!;
    for (const tag of ["v0.4.2", "v1.0.0"]) {
      const shell = execFileSync("bash", ["-c", `${assignment}; echo "$major"`], {
        env: { GITHUB_REF_NAME: tag },
        encoding: "utf8",
      }).trim();
      expect(shell).toBe(majorTagOf(tag));
    }
    expect(majorTagOf("v0.4.2")).toBe("v0");
  });

  it("refuses a tag that is not vX.Y.Z", () => {
    expect(versionOfTag("v1.2.3")).toBe("1.2.3");
    expect(() => versionOfTag("v1.2")).toThrow("v1.2 is not a release tag");
  });
});

describe("CHANGELOG.md", () => {
  it("is Keep a Changelog: an Unreleased section, then versions, each change under Added, Changed, Deprecated, Removed, Fixed or Security", () => {
    const changelog = read("CHANGELOG.md");
    expect(changelog).toMatch(/^# Changelog\n/);
    const versions = [...changelog.matchAll(/^## \[([^\]]+)\](.*)$/gm)];
    expect(versions[0]?.[1]).toBe("Unreleased");
    for (const [, version, rest] of versions.slice(1)) {
      expect(version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(rest).toMatch(/^ - \d{4}-\d{2}-\d{2}$/);
    }
    for (const [, type] of changelog.matchAll(/^### (.+)$/gm))
      expect(["Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"]).toContain(type);
  });

  it("gives the release its notes once Unreleased is moved under the version: that section only, without the link lines", () => {
    const released = read("CHANGELOG.md").replace("## [Unreleased]", "## [Unreleased]\n\n## [0.1.0] - 2026-12-07");
    const notes = releaseNotes(released, "0.1.0");
    expect(notes).toMatch(/^### Added\n/);
    expect(notes).toContain("### Fixed");
    expect(notes).not.toContain("## [");
    expect(notes).not.toMatch(/^\[Unreleased\]:/m);
    expect(() => releaseNotes(read("CHANGELOG.md"), "9.9.9")).toThrow('CHANGELOG.md has no "## [9.9.9]');
  });
});

describe("LICENSE", () => {
  it("is the license package.json names", () => {
    const { license } = JSON.parse(read("package.json")) as { license: string };
    expect(license).toBe("MIT");
    expect(read("LICENSE")).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /);
  });
});
