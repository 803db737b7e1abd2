import { describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { initGitRepository, runCli, tempRepo } from "../support/cli.js";
import { templateText } from "../support/data-files.js";
import { adrRules } from "../../src/validate/rules/adr.js";

function gitRepo(): string {
  const root = tempRepo();
  const git = initGitRepository(root);
  mkdirSync(join(root, "data/engineering/adrs"), { recursive: true });
  mkdirSync(join(root, "infra"));
  writeFileSync(
    join(root, "data/engineering/adrs/adr_2025-06-01_use-postgresql.md"),
    templateText("adrs/adr_2025-06-01_use-postgresql.md"),
  );
  writeFileSync(join(root, "infra/main.tf"), "# empty\n");
  writeFileSync(join(root, "package.json"), JSON.stringify({ dependencies: { express: "^4.19.0" } }));
  git("add", ".");
  git("commit", "-q", "-m", "init");
  return root;
}

describe("cto-copilot adr", () => {
  it("adr new writes a valid ADR from the template and never overwrites it", async () => {
    const root = gitRepo();
    const result = await runCli(["adr", "new", "Use Redis for sessions", "--root", root], { cwd: root });
    expect(result).toMatchObject({
      code: 0,
      stdout: "created data/engineering/adrs/adr_2025-11-03_use-redis-for-sessions.md\n",
    });
    const text = readFileSync(join(root, "data/engineering/adrs/adr_2025-11-03_use-redis-for-sessions.md"), "utf8");
    expect(text).toContain("**Deciders:** Ada Park");
    expect(adrRules("adr_2025-11-03_use-redis-for-sessions.md", text, new Set())).toEqual([]);
    const again = await runCli(["adr", "new", "Use Redis for sessions", "--root", root], { cwd: root });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("already exists");
  });

  it("adr check --format json prints one document: triggered, changes by category, related ADRs", async () => {
    const root = gitRepo();
    writeFileSync(join(root, "infra/main.tf"), 'resource "aws_db_instance" "main" {}\n');
    writeFileSync(join(root, "package.json"), JSON.stringify({ dependencies: { express: "^5.0.0" } }));
    mkdirSync(join(root, ".github/workflows"), { recursive: true });
    writeFileSync(
      join(root, ".github/workflows/deploy.yml"),
      "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: ./deploy.sh production\n",
    ); // untracked
    const result = await runCli(["adr", "check", "--base", "HEAD", "--root", root, "--format", "json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      triggered: true,
      changes: [
        {
          file: "infra/main.tf",
          category: "infrastructure-as-code",
          reason: "adds aws_db_instance.main",
        },
        {
          file: ".github/workflows/deploy.yml",
          category: "ci-cd",
          reason: "new pipeline deploy.yml (ships: production, a deploy script)",
        },
        { file: "package.json", category: "dependencies", reason: "moves express from ^4.19.0 to ^5.0.0" },
      ],
      adrs: ["data/engineering/adrs/adr_2025-06-01_use-postgresql.md"],
    });
    expect((await runCli(["adr", "check", "--base", "HEAD", "--root", root, "--strict"])).code).toBe(1);
  });

  it("judges meaning: a comment in Terraform and a patch bump are not decisions (--verbose says why); a committed non-ASCII manifest and a BOM are read; a broken manifest is a warning", async () => {
    const root = gitRepo();
    const git = (...args: string[]) => execFileSync("git", args, { cwd: root, stdio: "pipe" });
    mkdirSync(join(root, "ops"));
    writeFileSync(join(root, "ops/dëploy.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n");
    git("add", ".");
    git("commit", "-q", "-m", "ops");
    writeFileSync(join(root, "infra/main.tf"), "# empty, on purpose\n");
    writeFileSync(join(root, "package.json"), JSON.stringify({ dependencies: { express: "^4.21.2" } }));
    const quiet = await runCli(["adr", "check", "--base", "HEAD", "--root", root, "--verbose"]);
    expect(quiet.stdout).toContain("No infrastructure decision against HEAD (2 infrastructure files changed).");
    expect(quiet.stdout).toMatch(/infra\/main\.tf\s+attributes, comments or layout only/);
    expect(quiet.stdout).toMatch(/package\.json\s+version bumps, dev dependencies or order only/);

    // Committed, then changed: the non-ASCII path's patch is found and its new Ingress read.
    writeFileSync(
      join(root, "ops/dëploy.yaml"),
      "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: public\nspec: {}\n",
    );
    writeFileSync(
      join(root, "package.json"),
      "\uFEFF" + JSON.stringify({ dependencies: { express: "^4.21.2", ioredis: "^5.4.1" } }),
    );
    const found = JSON.parse(
      (await runCli(["adr", "check", "--base", "HEAD", "--root", root, "--format", "json"])).stdout,
    );
    expect(found.changes).toEqual([
      { file: "ops/dëploy.yaml", category: "orchestration", reason: "adds Ingress/public" },
      { file: "package.json", category: "dependencies", reason: "adds ioredis ^5.4.1" },
    ]);

    writeFileSync(join(root, "package.json"), JSON.stringify({ dependencies: "lodash" }));
    const broken = await runCli(["adr", "check", "--base", "HEAD", "--root", root]);
    expect(broken.stdout).toContain(
      'warning: package.json could not be read: "dependencies" is string, not an object of name: version; its dependencies were not compared.',
    );
  });

  it("reads what the commits say they do: a decision stated in a subject and borne out by the files counts; the same files under a plain subject do not", async () => {
    const root = gitRepo();
    const git = (...args: string[]) => execFileSync("git", args, { cwd: root, encoding: "utf8" });
    const base = git("rev-parse", "HEAD").trim();
    // A script no reader knows: only the subject can say what it brings in.
    mkdirSync(join(root, "bootstrap"), { recursive: true });
    writeFileSync(join(root, "bootstrap/cilium.sh"), "#!/bin/sh\nhelm upgrade --install cni ./charts/cni\n");
    git("add", ".");
    git("commit", "-q", "-m", "feat!: install Cilium as the cluster network (#42)");
    const stated = JSON.parse(
      (await runCli(["adr", "check", "--base", base, "--root", root, "--format", "json"])).stdout,
    );
    expect(stated).toMatchObject({
      triggered: true,
      changes: [
        {
          file: "bootstrap/cilium.sh",
          category: "orchestration",
          reason: 'the change says "install Cilium as the cluster network" and adds bootstrap/cilium.sh',
        },
      ],
    });
    git("commit", "-q", "--amend", "-m", "tidy the bootstrap scripts");
    const plain = JSON.parse(
      (await runCli(["adr", "check", "--base", base, "--root", root, "--format", "json"])).stdout,
    );
    expect(plain).toMatchObject({ triggered: false, changes: [] });
  });

  it("is not triggered once an ADR is part of the change, or when nothing qualifies", async () => {
    const root = gitRepo();
    expect(
      JSON.parse((await runCli(["adr", "check", "--base", "HEAD", "--root", root, "--format", "json"])).stdout),
    ).toEqual({ triggered: false, changes: [], adrs: [] });
    writeFileSync(join(root, "infra/main.tf"), 'resource "aws_s3_bucket" "logs" {}\n');
    await runCli(["adr", "new", "Keep logs in S3", "--root", root], { cwd: root });
    const report = JSON.parse(
      (await runCli(["adr", "check", "--base", "HEAD", "--root", root, "--format", "json"])).stdout,
    );
    expect(report).toMatchObject({ triggered: false, changes: [{ file: "infra/main.tf" }] });
    expect((await runCli(["adr", "check", "--base", "HEAD", "--root", root, "--strict"])).code).toBe(0);
  });

  it("warns about an existing ADR whose successor does not exist", async () => {
    const root = gitRepo();
    mkdirSync(join(root, "docs/adr"), { recursive: true });
    writeFileSync(
      join(root, "docs/adr/0002-use-mysql.md"),
      "# 2. Use MySQL\n\nDate: 2024-01-01\n\n## Status\n\nSuperseded by [3. Use PostgreSQL](0003-use-postgresql.md)\n",
    );
    const result = await runCli(["adr", "check", "--base", "HEAD", "--root", root]);
    expect(result.stdout).toContain(
      "warning: docs/adr/0002-use-mysql.md is superseded by 0003-use-postgresql.md, which does not exist",
    );
  });

  it("a bad base ref is a usage error (exit 2) that says what to do", async () => {
    const result = await runCli(["adr", "check", "--base", "no-such-ref", "--root", gitRepo()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "cto-copilot: error: no-such-ref is not a commit here (a branch, tag or sha); fetch it first, e.g. `git fetch origin main`, or pass another --base\n",
    );
    expect((await runCli(["adr", "check"])).code).toBe(2);
  });
});
