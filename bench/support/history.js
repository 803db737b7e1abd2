// A generated release history of `commits` commits (a main line with merged feature branches,
// a maintenance line with backports, a release tag every 85 commits, reverts and hotfixes), as
// a real clone holds it: written with `git fast-import` (streamed, so a million commits fit) and
// a commit-graph. Returns the time just after the last commit.
import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";

export async function writeHistory(directory, commits) {
  execFileSync("git", ["init", "-q", "-b", "main", directory]);
  const importer = spawn("git", ["fast-import", "--quiet"], { cwd: directory, stdio: ["pipe", "ignore", "inherit"] });
  const done = once(importer, "close");
  let buffered = [];
  const flush = async () => {
    if (!importer.stdin.write(buffered.join("\n") + "\n")) await once(importer.stdin, "drain");
    buffered = [];
  };
  let mark = 0;
  const commit = (branch, parent, message, time, merge) => {
    mark++;
    buffered.push(
      `commit refs/heads/${branch}`,
      `mark :${mark}`,
      `author Dev <dev@example.com> ${time} +0000`,
      `committer Dev <dev@example.com> ${time} +0000`,
      `data ${Buffer.byteLength(message)}`,
      message,
    );
    if (parent) buffered.push(`from :${parent}`);
    if (merge) buffered.push(`merge :${merge}`);
    return mark;
  };
  const tag = (name, target, time) =>
    buffered.push(
      `tag ${name}`,
      `from :${target}`,
      `tagger Dev <dev@example.com> ${time} +0000`,
      `data ${name.length}`,
      name,
    );

  // An hour apart, ending now: the last 90 days hold about 2,000 commits and 25 releases. Past
  // the newest 100,000, commits are a minute apart: a million hours would start in 1912, and
  // git reads a date before 1970 as a huge unsigned one (its commit-graph then never finished).
  const hourly = Math.min(commits, 100_000);
  const older = commits - hourly;
  let time = Math.floor(Date.now() / 1000) - hourly * 3600 - older * 60;
  let main = 0;
  let maintenance = 0;
  let release = { minor: 0, patch: 0 };
  let backport = 0;
  let nextTag = 85;
  for (let i = 0; i < commits;) {
    time += i < older ? 60 : 3600;
    if (i % 40 === 39 && main) {
      let feature = commit("feature", main, `feat: part 1 of ${i}`, time);
      feature = commit("feature", feature, `feat: part 2 of ${i}`, time + 60);
      feature = commit("feature", feature, `feat: part 3 of ${i}`, time + 120);
      main = commit("main", main, `Merge branch 'feature-${i}'`, time + 180, feature);
      i += 4;
    } else {
      const message = i % 997 === 0 ? `Revert "change ${i - 5}"` : i % 1499 === 0 ? "hotfix: urgent" : `change ${i}`;
      main = commit("main", main || undefined, message, time);
      i += 1;
    }
    if (i >= commits / 4 && !maintenance) maintenance = main;
    if (i >= nextTag) {
      nextTag += 85;
      release = release.patch === 9 ? { minor: release.minor + 1, patch: 0 } : { ...release, patch: release.patch + 1 };
      tag(`v5.${release.minor}.${release.patch}`, main, time + 600);
    }
    if (maintenance && i % 400 === 0) {
      maintenance = commit("4.x", maintenance, `fix: backport of change ${i - 10}`, time - 86_400 * 3);
      tag(`v4.22.${++backport}`, maintenance, time + 600);
    }
    if (buffered.length > 60_000) await flush();
  }
  await flush();
  importer.stdin.end();
  const [code] = await done;
  if (code !== 0) throw new Error(`git fast-import exited ${code}`);
  execFileSync("git", ["commit-graph", "write", "--reachable"], { cwd: directory });
  return new Date((time + 3600) * 1000);
}
