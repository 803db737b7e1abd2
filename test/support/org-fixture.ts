import { templateText } from "./data-files.js";
import type { GitHubEmulator } from "./emulator/server.js";
import type { RepoState } from "./emulator/state.js";
import { random } from "./random.js";

const hour = 3_600_000;
const day = 24 * hour;

export interface OrgFixture {
  /** Every repository made, by name. */
  repos: Map<string, RepoState>;
  /** What each was made to be (what the test expects of it). */
  kinds: Map<string, string>;
}

/**
 * An organisation as real ones look: services that deploy to an environment (some busy, some
 * quiet, failures repaired by reverts and hotfixes, work merged from branches), libraries that
 * release or tag (annotated tags, tags of tags skipped), repositories with no deployments at
 * all, incident issues (one closed as not planned), debt registers; and the repositories a
 * filter leaves out (archived, a fork, `.github` with the organisation default) or that cannot
 * be scored (empty, an invalid config).
 */
export function addOrganization(github: GitHubEmulator, org: string, count: number, end: number, seed = 7): OrgFixture {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const repos = new Map<string, RepoState>();
  const kinds = new Map<string, string>();
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
  const start = end - 130 * day;

  const dotGithub = github.addRepo(`${org}/.github`, {
    ".github/cto-copilot.yml": "dora:\n  environment: production\nincidents:\n  label: incident\n",
  });
  repos.set(`${org}/.github`, dotGithub);
  for (let i = 0; i < count; i++) {
    const name = `${pick(["svc", "api", "web", "lib", "job"])}-${String(i).padStart(2, "0")}`;
    const kind =
      i === 3
        ? "busy"
        : i === 11
          ? "empty"
          : i === 17
            ? "invalid-config"
            : i % 10 === 5
              ? "releases"
              : i % 10 === 8
                ? "tags"
                : i % 7 === 6
                  ? "quiet"
                  : "deployments";
    kinds.set(`${org}/${name}`, kind);
    const files: Record<string, string> = {};
    if (kind === "releases") files[".github/cto-copilot.yml"] = "_extends: .github\ndora:\n  source: releases\n";
    if (kind === "tags") files[".github/cto-copilot.yml"] = "dora:\n  source: tags\n  tagPattern: 'v*'\n";
    if (kind === "invalid-config") files[".github/cto-copilot.yml"] = "dora:\n  source: carrier-pigeon\n";
    if (next() < 0.6) files["data/engineering/tech_debt.json"] = templateText("tech_debt.json");
    const repo = github.addRepo(`${org}/${name}`, files);
    repo.topics = pick([["backend"], ["frontend"], ["backend", "payments"], []]);
    repos.set(`${org}/${name}`, repo);
    if (kind === "empty") {
      for (const branch of [...repo.branches.keys()]) repo.deleteBranch(branch);
      continue;
    }
    if (kind === "quiet") continue;
    // Work lands every few hours to days; a deployment every few merges; busy ships many times a day.
    const gap = kind === "busy" ? 6 * hour : (12 + next() * 60) * hour;
    let time = start;
    let sinceDeploy = 0;
    let broken = false;
    let n = 0;
    while ((time += gap * (0.5 + next())) < end - day) {
      n++;
      const feature = next() < 0.2 ? `feat/${name}-${n}` : undefined;
      const subject = broken
        ? pick(["hotfix: restore checkout", `Revert "feat: change ${n - 1}"`, "fix: null guard"])
        : pick([`feat: change ${n}`, `fix: edge case ${n}`, `chore: bump deps ${n}`, `refactor: module ${n}`]);
      let sha: string;
      if (feature) {
        const base = repo.branches.get("main")!;
        const work = repo.commit(
          { [`src/${n}.txt`]: subject },
          { branch: feature, parent: base, message: subject, date: iso(time - 5 * hour) },
        );
        sha = repo.commit(
          {},
          { message: `Merge pull request #${n} from ${org}/${feature}`, parents: [base, work], date: iso(time) },
        );
        repo.deleteBranch(feature);
      } else sha = repo.commit({ [`src/${n}.txt`]: subject }, { message: subject, date: iso(time) });
      sinceDeploy++;
      const due = broken || sinceDeploy >= (kind === "busy" ? 1 : 1 + Math.floor(next() * 4));
      if (!due) continue;
      sinceDeploy = 0;
      const failed: boolean = !broken && next() < 0.15;
      const at = iso(time + (0.2 + next() * 3) * hour);
      if (kind === "releases") {
        repo.tags.set(`v1.${n}.0`, { sha });
        repo.addRelease(`v1.${n}.0`, { publishedAt: at });
      } else if (kind === "tags") {
        repo.tags.set(`v2.${n}.0`, { sha, taggerDate: at });
        if (next() < 0.3) repo.tags.set(`nightly-${n}`, { sha, taggerDate: at });
      } else repo.addDeployment(sha, "production", ["in_progress", failed ? "failure" : "success"], at);
      if (next() < 0.1) repo.addDeployment(sha, "staging", ["success"], at);
      broken = failed;
      if (failed && next() < 0.7) {
        const issue = repo.createIssue({
          title: `Checkout errors after ${at.slice(0, 10)}`,
          labels: ["incident"],
          createdAt: at,
        });
        repo.closeIssue(
          issue.number,
          next() < 0.15 ? "not_planned" : "completed",
          iso(Date.parse(at) + (1 + next() * 20) * hour),
        );
      }
    }
  }
  const archived = github.addRepo(`${org}/legacy-monolith`);
  archived.isArchived = true;
  const fork = github.addRepo(`${org}/forked-sdk`);
  fork.isFork = true;
  return { repos, kinds };
}
