import { describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { revertedCommitIn } from "../../../src/dora/remediation.js";
import { readCommits, readTagDeployments } from "../../../src/local/git-history.js";
import { buildMessyHistory } from "../../support/git/messy-history.js";
import { tempRepo } from "../../support/cli.js";

/** What `git log --grep --since` finds: the reverts each body names, committed since `since` (seconds) and reached by git's walk. */
function gitsOwnReverts(root: string, tips: readonly string[], since: number | undefined): Map<string, string> {
  const recent = since === undefined ? [] : [`--since=${since}`];
  const log = execFileSync(
    "git",
    ["log", "-z", "--format=%H%x1f%b", "--grep=^This reverts commit [0-9a-f]", ...recent, ...tips, "--"],
    { cwd: root, encoding: "utf8" },
  );
  const found = new Map<string, string>();
  for (const record of log.split("\0")) {
    const [sha, body] = record.split("\x1f");
    const target = body ? revertedCommitIn(body) : undefined;
    if (sha && target) found.set(sha.trim(), target);
  }
  return found;
}

async function namedReverts(root: string, tips: readonly string[], since: number | undefined) {
  const commits = await readCommits(root, tips, since === undefined ? undefined : since * 1000);
  return new Map(commits.flatMap((commit) => (commit.revertOf ? [[commit.sha, commit.revertOf] as const] : [])));
}

/** The deployed commits of every tag, as the scorecard's history read gets them. */
const tagged = async (root: string) => [
  ...new Set((await readTagDeployments(root, () => true)).deployments.map((deployment) => deployment.sha)),
];

describe("the reverts the history read names by their body", () => {
  it.each([1, 2])("are exactly those git's own --grep --since walk finds (messy history, seed %i)", async (seed) => {
    const history = buildMessyHistory(seed);
    const tips = await tagged(history.root);
    // Every revert's committer time, and a second later: each bound is tried from both sides.
    const committed = execFileSync(
      "git",
      ["log", "--format=%ct", "--grep=^This reverts commit [0-9a-f]", ...tips, "--"],
      { cwd: history.root, encoding: "utf8" },
    )
      .split("\n")
      .filter(Boolean)
      .map(Number);
    expect(committed.length).toBeGreaterThan(1);
    for (const since of [undefined, ...committed.flatMap((seconds) => [seconds, seconds + 1])]) {
      const expected = gitsOwnReverts(history.root, tips, since);
      expect({ since, reverts: await namedReverts(history.root, tips, since) }).toEqual({ since, reverts: expected });
    }
  });

  it("leave out a recent revert that git reaches only through an older commit (a clock set back)", async () => {
    const root = tempRepo();
    const at = (seconds: number) => `@${seconds} +0000`;
    const git = (args: string[], seconds?: number) =>
      execFileSync("git", args, {
        cwd: root,
        encoding: "utf8",
        env: {
          ...process.env,
          GIT_CONFIG_NOSYSTEM: "1",
          GIT_AUTHOR_NAME: "Ada Park",
          GIT_AUTHOR_EMAIL: "ada@example.com",
          GIT_COMMITTER_NAME: "Ada Park",
          GIT_COMMITTER_EMAIL: "ada@example.com",
          ...(seconds === undefined ? {} : { GIT_AUTHOR_DATE: at(seconds), GIT_COMMITTER_DATE: at(seconds) }),
        },
      }).trim();
    git(["init", "-q", "-b", "main"]);
    const since = 2_000_000_000;
    git(["commit", "-q", "--allow-empty", "-m", "base"], since - 10 * 86_400);
    const base = git(["rev-parse", "HEAD"]);
    const revert = (subject: string, seconds: number) => {
      git(["commit", "-q", "--allow-empty", "-m", subject, "-m", `This reverts commit ${base}.`], seconds);
      return git(["rev-parse", "HEAD"]);
    };
    const hidden = revert("Undo the base, hidden", since + 100);
    // Committed before `since`, on top of the newer revert: git's walk stops here.
    git(["commit", "-q", "--allow-empty", "-m", "clock set back"], since - 86_400);
    const behindOld = git(["rev-parse", "HEAD"]);
    const seen = revert("Undo the base, seen", since + 200);
    const tips = [seen];
    const expected = gitsOwnReverts(root, tips, since);
    expect(expected).toEqual(new Map([[seen, base]]));
    expect(await namedReverts(root, tips, since)).toEqual(expected);
    // Without a date bound every revert names its commit, the hidden one too.
    expect(await namedReverts(root, tips, undefined)).toEqual(
      new Map([
        [seen, base],
        [hidden, base],
      ]),
    );
    // A second, recent path to the hidden revert (a merge of it) makes git reach it.
    git(["checkout", "-q", "-b", "side", hidden]);
    git(["merge", "-q", "--no-ff", "-m", "merge the hidden revert", behindOld, seen], since + 300);
    const merged = git(["rev-parse", "HEAD"]);
    const reached = gitsOwnReverts(root, [merged], since);
    expect(reached).toEqual(
      new Map([
        [seen, base],
        [hidden, base],
      ]),
    );
    expect(await namedReverts(root, [merged], since)).toEqual(reached);
  });
});
