import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { random } from "../random.js";

export interface MessyHistory {
  root: string;
  /** The time of the last event, a little after which `now` makes sense. */
  end: number;
  /** What the generator did, for reading a failure. */
  log: string[];
}

/**
 * A real git repository that looks like a long-lived project's, built from a seed: a main line
 * tagged v5.x with feature branches merged in, a maintenance line 4.x tagged in between
 * (backports keep their original author date), reverts written as git writes them and reverts
 * of reverts, GitHub-style reverts that name no commit, hotfix commits and decoy subjects that
 * merely mention the word, same-second tags on the two lines, tags of tags, lightweight and
 * annotated tags, a redeploy of an old commit, a tag of a tree, pre-release and branch-marker
 * tags, and author clocks ahead of the release. And what real release histories add: merges of
 * hotfix branches (and the same branch merged again later), reverts of merges (`git revert -m
 * 1`), conventional reverts (`revert: …`, `fix: revert "…" (#N)`, `refactor: revert #N`), a
 * squash merge quoting a revert of its own branch's commit, duplicate tags (`5.1.2` and
 * `v5.1.2` on one commit), release commits by a bot, and tags put late on an older commit.
 */
export function buildMessyHistory(seed: number, steps = 70): MessyHistory {
  const rand = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const root = mkdtempSync(join(tmpdir(), "cto-copilot-messy-"));
  const log: string[] = [];
  let clock = Date.parse("2024-01-01T09:00:00Z");
  const at = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
  let bot = false;
  const git = (args: string[], env: { author?: number; committer?: number } = {}) =>
    execFileSync("git", args, {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        GIT_AUTHOR_DATE: at(env.author ?? clock),
        GIT_COMMITTER_DATE: at(env.committer ?? clock),
        GIT_CONFIG_NOSYSTEM: "1",
        ...(bot
          ? {
              GIT_AUTHOR_NAME: "github-actions[bot]",
              GIT_AUTHOR_EMAIL: "41898282+github-actions[bot]@users.noreply.github.com",
            }
          : {}),
      },
    }).trim();
  git(["init", "-q", "-b", "main"]);
  git(["config", "user.name", "Dev"]);
  git(["config", "user.email", "dev@example.com"]);
  git(["config", "commit.gpgsign", "false"]);
  git(["config", "tag.gpgsign", "false"]);

  const commit = (subject: string, body?: string, author?: number) => {
    git(["commit", "-q", "--allow-empty", "-m", subject, ...(body ? ["-m", body] : [])], { author: author ?? clock });
    const sha = git(["rev-parse", "HEAD"]);
    log.push(`${at(clock)} ${git(["branch", "--show-current"])} ${sha.slice(0, 7)} ${subject}`);
    return sha;
  };
  const tag = (name: string, target = "HEAD", annotated = rand() < 0.7) => {
    git(annotated ? ["tag", "-a", name, "-m", name, target] : ["tag", name, target]);
    log.push(
      `${at(clock)} tag ${name} -> ${git(["rev-parse", "--short", `${target}^{commit}`])}${annotated ? "" : " (lightweight)"}`,
    );
  };
  const mainSubjects: { sha: string; subject: string; author: number }[] = [];

  commit("init");
  tag("v4.0.0");
  for (let i = 1; i <= 6; i++) {
    clock += 20 * 3_600_000;
    mainSubjects.push({ sha: commit(`feat: groundwork ${i}`), subject: `feat: groundwork ${i}`, author: clock });
  }
  tag("v4.22.0");
  git(["branch", "4.x"]);
  let v5 = { minor: 0, patch: 0 };
  let v4patch = 0;
  let feature = 0;
  clock += 10 * 3_600_000;
  commit("feat!: the 5.0 rewrite");
  tag("v5.0.0");

  let pullRequest = 100;
  const merges: string[] = [];
  const squashed: number[] = [];
  /** What real release histories add (see the description above), one event. */
  const realWorld = () => {
    const roll = rand();
    if (roll < 0.2) {
      // A hotfix branch merged into main, tagged at once; merged again later as git-flow does into develop.
      const name = `hotfix/5.${v5.minor}.${v5.patch + 1}`;
      git(["checkout", "-q", "-b", name, "main"]);
      commit(`fix: urgent ${++feature}`);
      git(["checkout", "-q", "main"]);
      clock += 3_600_000;
      git(["merge", "-q", "--no-ff", "-m", `Merge branch '${name}'`, name]);
      log.push(`${at(clock)} main merge ${name}`);
      if (rand() < 0.6) {
        v5 = { minor: v5.minor, patch: v5.patch + 1 };
        tag(`v5.${v5.minor}.${v5.patch}`);
      }
      if (rand() < 0.5) {
        clock += 3_600_000;
        git(["merge", "-q", "--no-ff", "-m", `Merge branch '${name}' into develop`, name]);
        log.push(`${at(clock)} main merge ${name} again`);
      }
    } else if (roll < 0.35 && merges.length > 0) {
      const target = pick(merges.slice(-4));
      // As `git revert -m 1` writes it (the commits are empty, so it is written by hand).
      const [subject, parent] = git(["log", "-1", "--format=%s%x1f%P", target]).split("\x1f");
      commit(
        `Revert "${subject}"`,
        `This reverts commit ${target}, reversing\nchanges made to ${parent!.split(" ")[0]}.`,
      );
    } else if (roll < 0.55 && mainSubjects.length > 0) {
      const target = pick(mainSubjects.slice(-6));
      const subject = pick([
        `revert: ${target.subject}`,
        `fix: revert "${target.subject}" (#${++pullRequest})`,
        `fix(deps): revert lexer to 2.${++feature}.0`,
        ...squashed.slice(-2).map((number) => `refactor: revert #${number}`),
      ]);
      mainSubjects.push({ sha: commit(subject), subject, author: clock });
    } else if (roll < 0.65) {
      const number = ++pullRequest;
      const subject = `feat: squashed ${++feature} (#${number})`;
      mainSubjects.push({ sha: commit(subject), subject, author: clock });
      clock += 3_600_000;
      const fake = Array.from({ length: 40 }, () => "0123456789abcdef"[Math.floor(rand() * 16)]).join("");
      const squash = `feat: squash with a branch revert ${++feature} (#${++pullRequest})`;
      mainSubjects.push({
        sha: commit(squash, `* wip\n\nThis reverts commit ${fake}.`),
        subject: squash,
        author: clock,
      });
      squashed.push(number);
    } else if (roll < 0.8) {
      // A release commit by a bot, then the release tagged twice: with and without the v.
      v5 = { minor: v5.minor, patch: v5.patch + 1 };
      bot = true;
      commit(`chore(release): 5.${v5.minor}.${v5.patch} [skip ci]`);
      bot = false;
      const annotated = rand() < 0.5;
      tag(`v5.${v5.minor}.${v5.patch}`, "HEAD", annotated);
      tag(`5.${v5.minor}.${v5.patch}`, "HEAD", annotated);
    } else if (mainSubjects.length > 3) {
      // The next version tagged late, by hand, on an older commit.
      v5 = { minor: v5.minor, patch: v5.patch + 1 };
      tag(`v5.${v5.minor}.${v5.patch}`, "HEAD~2", true);
    }
  };

  for (let step = 0; step < steps; step++) {
    clock += Math.floor(2 + rand() * 100) * 3_600_000; // two hours to four days
    if (rand() < 0.2) {
      realWorld();
      continue;
    }
    const roll = rand();
    if (roll < 0.3) {
      const subject = pick([
        `feat: feature ${++feature}`,
        `fix: bug ${++feature}`,
        `fix(formdata): add hotfix to use stream ${++feature}`,
        `docs: hotfix guide ${++feature}`,
      ]);
      const author = rand() < 0.1 ? clock + 5 * 3_600_000 : clock; // a laptop clock ahead of the release
      mainSubjects.push({ sha: commit(subject, undefined, author), subject, author });
    } else if (roll < 0.42) {
      // A feature branch of two commits, merged with a merge commit.
      const name = `feature-${++feature}`;
      git(["checkout", "-q", "-b", name, "main"]);
      commit(`feat: ${name} part 1`);
      clock += 3_600_000;
      commit(`feat: ${name} part 2`);
      git(["checkout", "-q", "main"]);
      clock += 3_600_000;
      git(["merge", "-q", "--no-ff", "-m", `Merge branch '${name}'`, name]);
      merges.push(git(["rev-parse", "HEAD"]));
      log.push(`${at(clock)} main merge ${name}`);
    } else if (roll < 0.5 && mainSubjects.length > 0) {
      const target = pick(mainSubjects.slice(-8));
      if (rand() < 0.3) {
        // GitHub's revert button: the subject, and a body that names the pull request, not the commit.
        mainSubjects.push({
          sha: commit(`Revert "${target.subject}"`, "Reverts acme/app#12"),
          subject: `Revert "${target.subject}"`,
          author: clock,
        });
      } else {
        const subject = `Revert "${target.subject}"`;
        mainSubjects.push({ sha: commit(subject, `This reverts commit ${target.sha}.`), subject, author: clock });
      }
    } else if (roll < 0.56) {
      const subject = pick([
        "hotfix: payment rounding",
        "hotfix(api): timeout",
        "[hotfix] cache key",
        `fix: regression ${++feature}`,
      ]);
      mainSubjects.push({ sha: commit(subject), subject, author: clock });
    } else if (roll < 0.68 && mainSubjects.length > 0) {
      // A backport to 4.x: same subject, the original author date, cherry-pick style.
      const original = pick(mainSubjects.slice(-10));
      git(["checkout", "-q", "4.x"]);
      commit(
        original.subject.startsWith("Revert") ? "fix: backport guard" : original.subject,
        `(cherry picked from commit ${original.sha})`,
        original.author,
      );
      if (rand() < 0.3) {
        clock += 3_600_000;
        commit("hotfix: 4.x only");
      }
      git(["checkout", "-q", "main"]);
    } else if (roll < 0.84) {
      if (rand() < 0.7) v5 = { minor: v5.minor, patch: v5.patch + 1 };
      else v5 = { minor: v5.minor + 1, patch: 0 };
      const name = `v5.${v5.minor}.${v5.patch}`;
      if (rand() < 0.15) {
        // A release candidate, then the release as a tag of that tag.
        tag(`${name}-rc.1`, "HEAD", true);
        clock += 3_600_000;
        git(["tag", "-a", name, "-m", name, `${name}-rc.1`]);
        log.push(`${at(clock)} tag ${name} -> tag ${name}-rc.1`);
      } else tag(name);
      if (rand() < 0.25) {
        // The maintenance line released in the same second.
        git(["checkout", "-q", "4.x"]);
        tag(`v4.22.${++v4patch}`);
        git(["checkout", "-q", "main"]);
      }
    } else if (roll < 0.94) {
      git(["checkout", "-q", "4.x"]);
      if (rand() < 0.5) commit(`fix: 4.x only ${++feature}`);
      clock += 3_600_000;
      tag(`v4.22.${++v4patch}`);
      git(["checkout", "-q", "main"]);
    } else if (roll < 0.97) {
      // A redeploy of the previous 5.x release's commit under a new patch number (a rollback).
      const previous = `v5.${v5.minor}.${v5.patch}`;
      v5 = { minor: v5.minor, patch: v5.patch + 1 };
      tag(`v5.${v5.minor}.${v5.patch}`, `${previous}^{commit}`, false);
    } else {
      git(["tag", "-f", `v5.${v5.minor}.x`]); // a branch marker, not a release, moved as the line moves
      log.push(`${at(clock)} tag v5.${v5.minor}.x (branch marker)`);
      if (rand() < 0.5) {
        git(["tag", `v9.9.${step}`, `${git(["rev-parse", "HEAD^{tree}"])}`]); // a tag of a tree
        log.push(`${at(clock)} tag v9.9.${step} -> a tree`);
      }
    }
  }
  return { root, end: clock, log };
}

/**
 * A workspace monorepo from a seed: a core package (`packages/core`, tagged `v1.x.y`), a
 * scaffolding tool (`packages/create`, tagged `create@1.x.y`) and docs (never released), with
 * commits touching one of them or two, feature branches merged, reverts of core changes, release
 * commits by a bot, and each package released on its own.
 */
export function buildMonorepoHistory(seed: number, steps = 60): MessyHistory {
  const rand = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const root = mkdtempSync(join(tmpdir(), "cto-copilot-monorepo-"));
  const log: string[] = [];
  let clock = Date.parse("2024-03-01T09:00:00Z");
  const at = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
  let bot = false;
  const git = (args: string[]) =>
    execFileSync("git", args, {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        GIT_AUTHOR_DATE: at(clock),
        GIT_COMMITTER_DATE: at(clock),
        GIT_CONFIG_NOSYSTEM: "1",
        ...(bot ? { GIT_AUTHOR_NAME: "changeset-bot[bot]", GIT_AUTHOR_EMAIL: "bot@example.com" } : {}),
      },
    }).trim();
  git(["init", "-q", "-b", "main"]);
  git(["config", "user.name", "Dev"]);
  git(["config", "user.email", "dev@example.com"]);
  git(["config", "commit.gpgsign", "false"]);
  git(["config", "tag.gpgsign", "false"]);
  const areas = { core: "packages/core/src", create: "packages/create", docs: "docs" } as const;
  let counter = 0;
  const touch = (area: keyof typeof areas) => {
    mkdirSync(join(root, areas[area]), { recursive: true });
    writeFileSync(join(root, areas[area], `file-${++counter}.txt`), `change ${counter}\n`);
  };
  const commit = (subject: string, touched: (keyof typeof areas)[]) => {
    for (const area of touched) touch(area);
    git(["add", "-A"]);
    git(["commit", "-q", "-m", subject]);
    const sha = git(["rev-parse", "HEAD"]);
    log.push(`${at(clock)} ${git(["branch", "--show-current"])} ${sha.slice(0, 7)} ${subject} [${touched.join(", ")}]`);
    return sha;
  };
  const versions = { core: 0, create: 0 };
  const release = (area: "core" | "create") => {
    const name = area === "core" ? `v1.${++versions.core}.0` : `create@1.${++versions.create}.0`;
    if (rand() < 0.5) {
      bot = true;
      commit(`chore(release): ${name} [skip ci]`, [area]);
      bot = false;
    }
    git(["tag", "-a", name, "-m", name]);
    log.push(`${at(clock)} tag ${name}`);
  };
  commit("init", ["core", "create", "docs"]);
  git(["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
  git(["tag", "-a", "create@1.0.0", "-m", "create@1.0.0"]);
  const coreChanges: string[] = [];
  for (let step = 0; step < steps; step++) {
    clock += Math.floor(2 + rand() * 60) * 3_600_000;
    const roll = rand();
    if (roll < 0.45) {
      const touched = pick<(keyof typeof areas)[]>([
        ["core"],
        ["create"],
        ["docs"],
        ["core", "docs"],
        ["create", "core"],
      ]);
      const sha = commit(`feat: change ${++counter}`, touched);
      if (touched.includes("core")) coreChanges.push(sha);
    } else if (roll < 0.6) {
      const name = `feature-${++counter}`;
      git(["checkout", "-q", "-b", name]);
      commit(`feat: ${name} part 1`, [pick(["core", "create", "docs"] as const)]);
      clock += 3_600_000;
      commit(`feat: ${name} part 2`, [pick(["core", "create", "docs"] as const)]);
      git(["checkout", "-q", "main"]);
      clock += 3_600_000;
      git(["merge", "-q", "--no-ff", "-m", `Merge pull request #${counter} from acme/${name}`, name]);
      log.push(`${at(clock)} main merge ${name}`);
    } else if (roll < 0.68 && coreChanges.length > 0) {
      const target = pick(coreChanges.slice(-4));
      coreChanges.splice(coreChanges.indexOf(target), 1); // each change undone once
      git(["revert", "--no-edit", target]);
      log.push(`${at(clock)} main ${git(["rev-parse", "--short", "HEAD"])} revert ${target.slice(0, 7)}`);
    } else if (roll < 0.85) release("core");
    else release("create");
  }
  return { root, end: clock, log };
}
