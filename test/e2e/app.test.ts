import { describe, expect, it } from "@jest/globals";
import { randomUUID } from "node:crypto";
import { request as httpRequest, type ClientRequest } from "node:http";
import { useAppAndEmulator } from "../support/app-fixture.js";
import { pullRequestPayload, webhookExamples } from "../support/webhook-payloads.js";
import { templateText } from "../support/data-files.js";

const fixture = useAppAndEmulator();

const brokenDebt = templateText("tech_debt.json").replace('"priority": "medium"', '"priority": "urgent"');

describe("the App, run with npm start, driven by signed webhooks", () => {
  it("a PR with a broken tech_debt.json gets one failing check with the right line", async () => {
    const repo = fixture.github.addRepo("acme/platform", {
      "data/engineering/tech_debt.json": templateText("tech_debt.json"),
    });
    const pull = repo.openPullRequest({
      "data/engineering/tech_debt.json": brokenDebt,
      "src/index.ts": "export {};\n",
    });
    const delivery = await fixture.app.deliver("pull_request", pullRequestPayload(repo, pull));
    expect(delivery.status).toBe(200);
    if (repo.checkRuns.length !== 1) console.log(fixture.app.logs.slice(-3000));
    expect(repo.checkRuns).toHaveLength(1);
    const [run] = repo.checkRuns;
    expect(run).toMatchObject({
      name: "CTO Co-Pilot / data",
      head_sha: pull.headSha,
      status: "completed",
      conclusion: "failure",
    });
    expect(run!.annotations).toEqual([
      expect.objectContaining({
        path: "data/engineering/tech_debt.json",
        start_line: 23,
        end_line: 23,
        start_column: 19,
        annotation_level: "failure",
        title: "invalid-value",
      }),
    ]);
    expect(run!.output.summary).toContain("`items[1].priority` must be one of critical, high, medium, low");
  });

  it("redelivering the same webhook 5 times leaves exactly one check run for that sha", async () => {
    const repo = fixture.github.addRepo("acme/redelivery", {
      "data/engineering/tech_debt.json": templateText("tech_debt.json"),
    });
    const pull = repo.openPullRequest({ "data/engineering/tech_debt.json": brokenDebt });
    const payload = pullRequestPayload(repo, pull);
    for (let i = 0; i < 5; i++)
      expect((await fixture.app.deliver("pull_request", payload, { delivery: "same-delivery-id" })).status).toBe(200);
    await Promise.all(Array.from({ length: 5 }, () => fixture.app.deliver("pull_request", payload)));
    expect(repo.checkRuns.filter((run) => run.head_sha === pull.headSha)).toHaveLength(1);
  });

  it("posts nothing when the PR touches no data file", async () => {
    const repo = fixture.github.addRepo("acme/no-data", {
      "data/engineering/tech_debt.json": templateText("tech_debt.json"),
    });
    const pull = repo.openPullRequest({ "src/app.ts": "console.log(1);\n" });
    expect((await fixture.app.deliver("pull_request", pullRequestPayload(repo, pull))).status).toBe(200);
    expect(repo.checkRuns).toHaveLength(0);
  });

  it("a valid change gets a successful check", async () => {
    const repo = fixture.github.addRepo("acme/valid", {
      "data/engineering/tech_debt.json": templateText("tech_debt.json"),
    });
    const pull = repo.openPullRequest({ "data/engineering/team.json": templateText("team.json") });
    await fixture.app.deliver("pull_request", pullRequestPayload(repo, pull, "synchronize"));
    expect(repo.checkRuns).toEqual([expect.objectContaining({ conclusion: "success", annotations: [] })]);
  });

  it("a PR event with 100 changed files, 10 of them data files, costs at most 6 API requests", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 90; i++) files[`src/module-${i}.ts`] = `export const value = ${i};\n`;
    for (let i = 0; i < 10; i++)
      files[`data/engineering/adrs/adr_2025-06-${String(i + 10)}_decision-${i}.md`] = templateText(
        "adrs/adr_2025-06-01_use-postgresql.md",
      ).replace("2025-06-01", `2025-06-${i + 10}`);
    const repo = fixture.github.addRepo("acme/big", {});
    const pull = repo.openPullRequest(files);
    const before = fixture.github.requests.length;
    await fixture.app.deliver("pull_request", pullRequestPayload(repo, pull));
    const sent = fixture.github.requests.slice(before).filter((request) => !request.path.includes("/access_tokens"));
    // Config and the file list are read in parallel; then contents, the existing check, the new check.
    expect(sent.map((request) => `${request.method} ${request.path}`).sort()).toEqual(
      [
        "POST /api/graphql",
        "GET /repos/acme/big/pulls/1/files",
        "POST /api/graphql",
        `GET /repos/acme/big/commits/${pull.headSha}/check-runs`,
        "POST /repos/acme/big/check-runs",
      ].sort(),
    );
    expect(repo.checkRuns).toEqual([expect.objectContaining({ conclusion: "success" })]);
  });

  it("answers before its work ends when GitHub is slow (202), and the outcome still lands on the check run", async () => {
    const repo = fixture.github.addRepo("acme/slow", {
      "data/engineering/tech_debt.json": templateText("tech_debt.json"),
    });
    const pull = repo.openPullRequest({ "data/engineering/tech_debt.json": brokenDebt });
    // GitHub holds the file list until the App has answered: 202 is the App's own deadline speaking,
    // before the work could end. How soon it answers is measured by `npm run bench` (App deadlines).
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    fixture.github.inject({ method: "GET", path: /\/pulls\/\d+\/files$/, status: 0, until: released });
    const delivery = await fixture.app.deliver("pull_request", pullRequestPayload(repo, pull));
    expect(delivery.status).toBe(202);
    const listings = fixture.github.requests.filter(
      (request) => request.path === `/repos/${repo.fullName}/pulls/${pull.number}/files`,
    );
    expect(listings.map((request) => request.status)).toEqual([0]);
    release();
    for (let waited = 0; repo.checkRuns.length === 0 && waited < 20_000; waited += 200)
      await new Promise((resolve) => setTimeout(resolve, 200));
    expect(repo.checkRuns).toEqual([expect.objectContaining({ conclusion: "failure" })]);
  }, 40_000);

  it("an invalid config fails the check with an annotation on the config line", async () => {
    const repo = fixture.github.addRepo("acme/bad-config", { "data/engineering/team.json": templateText("team.json") });
    const pull = repo.openPullRequest({
      ".github/cto-copilot.yml": "dataDir: data/engineering\nvalidation:\n  maxFileSizeBytes: lots\n",
    });
    await fixture.app.deliver("pull_request", pullRequestPayload(repo, pull));
    expect(repo.checkRuns.filter((run) => run.name === "CTO Co-Pilot / data")).toEqual([
      expect.objectContaining({
        conclusion: "failure",
        annotations: [
          expect.objectContaining({ path: ".github/cto-copilot.yml", start_line: 3, title: "config-invalid-type" }),
        ],
      }),
    ]);
  });

  it("runs the scorecard on demand on repository_dispatch (event_type cto-copilot-scorecard)", async () => {
    const repo = fixture.github.addRepo("acme/on-demand", {
      ".github/cto-copilot.yml": "dora:\n  windowDays: 30\nscorecard:\n  commit: push\n",
    });
    const sha = repo.commit({ "a.txt": "1" }, { message: "feat: a", date: "2025-10-20T10:00:00Z" });
    repo.addDeployment(sha, "production", ["success"], "2025-10-20T12:00:00Z");
    const example = webhookExamples().find((event) => event.name === "repository_dispatch")!.examples[0]!;
    const payload = {
      ...structuredClone(example),
      action: "cto-copilot-scorecard",
      client_payload: { now: "2025-11-01T00:00:00Z" },
      installation: { id: 1, node_id: "x" },
      repository: {
        ...example.repository,
        name: "on-demand",
        full_name: "acme/on-demand",
        owner: { ...example.repository.owner, login: "acme" },
        default_branch: "main",
      },
    };
    expect((await fixture.app.deliver("repository_dispatch", payload)).status).toBe(200);
    const head = repo.commits.get(repo.branches.get("main")!)!;
    expect(head.message).toBe("chore(scorecard): engineering scorecard 2025-11-01");
    expect(
      JSON.parse(String(head.tree.get("data/engineering/engineering_scorecard.json"))).dora.deploymentFrequency
        .deployments,
    ).toBe(1);
  });

  it("with sync.issue: true, the scorecard on demand keeps one pinned Engineering sync issue", async () => {
    const repo = fixture.github.addRepo("acme/sync-issue", {
      ".github/cto-copilot.yml":
        "dora:\n  windowDays: 30\nscorecard:\n  commit: push\nsync:\n  issue: true\n  title: CTO sync\n",
    });
    const sha = repo.commit({ "a.txt": "1" }, { message: "feat: a", date: "2025-10-20T10:00:00Z" });
    repo.addDeployment(sha, "production", ["success"], "2025-10-20T12:00:00Z");
    const example = webhookExamples().find((event) => event.name === "repository_dispatch")!.examples[0]!;
    const payload = {
      ...structuredClone(example),
      action: "cto-copilot-scorecard",
      client_payload: { now: "2025-11-01T00:00:00Z" },
      installation: { id: 1, node_id: "x" },
      repository: {
        ...example.repository,
        name: "sync-issue",
        full_name: "acme/sync-issue",
        owner: { ...example.repository.owner, login: "acme" },
        default_branch: "main",
      },
    };
    for (let run = 0; run < 2; run++)
      expect((await fixture.app.deliver("repository_dispatch", payload)).status).toBe(200);
    const issues = [...repo.issues.values()];
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ title: "CTO sync", labels: ["engineering-sync"] });
    expect(issues[0]!.body).toContain("### Top Technical Priority");
    expect(repo.pinnedIssues).toEqual([issues[0]!.number]);
  });

  it("a bad or missing signature is rejected and causes no API call", async () => {
    const repo = fixture.github.addRepo("acme/unsigned", {});
    const pull = repo.openPullRequest({ "data/engineering/tech_debt.json": brokenDebt });
    const before = fixture.github.requests.length;
    expect(
      (await fixture.app.deliver("pull_request", pullRequestPayload(repo, pull), { signature: null })).status,
    ).toBe(400);
    expect(
      (
        await fixture.app.deliver("pull_request", pullRequestPayload(repo, pull), {
          signature: "sha256=" + "0".repeat(64),
        })
      ).status,
    ).toBe(400);
    expect(fixture.github.requests.length).toBe(before);
    expect(fixture.app.running).toBe(true);
  });

  it("refuses a body over GitHub's 25 MB cap before buffering it, and never logs a rejected payload", async () => {
    const post = (headers: Record<string, string>, write: (request: ClientRequest) => void) =>
      new Promise<number>((resolve, reject) => {
        const request = httpRequest(`${fixture.app.url}/api/github/webhooks`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-github-event": "push", ...headers },
        });
        request.on("response", (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        });
        request.on("error", reject);
        write(request);
      });
    // Declared too large: refused from the header, before a byte of the body is read.
    expect(
      await post({ "content-length": String(100 * 1024 * 1024) }, (request) => request.write("{".repeat(1024))),
    ).toBe(413);
    // Streamed without a length: cut off as soon as it passes the cap.
    const chunk = "x".repeat(1024 * 1024);
    expect(
      await post({ "transfer-encoding": "chunked" }, (request) => {
        let sent = 0;
        const pump = () => {
          while (sent < 40 && request.write(chunk)) sent++;
          if (sent < 40) request.once("drain", pump);
          else request.end();
        };
        request.on("error", () => undefined);
        pump();
      }).catch(() => 413),
    ).toBe(413);
    // Unsigned: 400, and its content appears nowhere in the log.
    const marker = `not-for-the-log-${randomUUID()}`;
    const unsigned = await fixture.app.deliver("push", { marker }, { signature: null });
    expect(unsigned.status).toBe(400);
    expect(fixture.app.logs).not.toContain(marker);
    expect((await fetch(`${fixture.app.url}/ping`)).status).toBe(200);
  }, 60_000);

  it("a hostile ADR stalls nothing: its check reports the limits, and a burst of 20 pull requests all get their checks", async () => {
    const hostileRepo = fixture.github.addRepo("acme/hostile", {});
    const header = "## ADR: x\n**Status:** Proposed\n**Date:** 2025-01-01\n**Deciders:** A\n\n";
    const hostile = hostileRepo.openPullRequest({
      "data/engineering/adrs/adr_2025-01-01_emphasis.md": header + "*_".repeat(20_000),
      "data/engineering/adrs/adr_2025-01-01_quotes.md": header + ">".repeat(8_000) + " x",
      "data/engineering/adrs/adr_2025-01-01_huge.md": "# x\n".repeat(20_000),
    });
    const repos = ["b1", "b2", "b3", "b4"].map((name) =>
      fixture.github.addRepo(`acme/${name}`, { "data/engineering/tech_debt.json": templateText("tech_debt.json") }),
    );
    const pulls = repos.flatMap((repo) =>
      Array.from({ length: 5 }, (_, i) => ({
        repo,
        pull: repo.openPullRequest({ "data/engineering/tech_debt.json": brokenDebt, [`src/f${i}.ts`]: "export {};\n" }),
      })),
    );
    const deliveries = [
      fixture.app.deliver("pull_request", pullRequestPayload(hostileRepo, hostile)),
      ...pulls.map(({ repo, pull }) => fixture.app.deliver("pull_request", pullRequestPayload(repo, pull))),
    ];
    expect((await fetch(`${fixture.app.url}/ping`)).status).toBe(200);
    for (const delivery of await Promise.all(deliveries)) expect([200, 202]).toContain(delivery.status);
    const checked = () => pulls.filter(({ repo, pull }) => repo.checkRuns.some((run) => run.head_sha === pull.headSha));
    // The hostile pull request's own check may come last on a busy machine: wait for it as well.
    const hostileChecked = () => hostileRepo.checkRuns.some((run) => run.head_sha === hostile.headSha);
    for (let waited = 0; (checked().length < pulls.length || !hostileChecked()) && waited < 90_000; waited += 250)
      await new Promise((resolve) => setTimeout(resolve, 250));
    expect(checked()).toHaveLength(pulls.length);
    const [run] = hostileRepo.checkRuns;
    expect(run!.annotations.map((annotation) => `${annotation.path as string} ${annotation.title as string}`)).toEqual(
      expect.arrayContaining([
        "data/engineering/adrs/adr_2025-01-01_emphasis.md too-complex",
        "data/engineering/adrs/adr_2025-01-01_quotes.md too-deep",
        "data/engineering/adrs/adr_2025-01-01_huge.md too-large",
      ]),
    );
  }, 120_000);

  it("answers every payload of @octokit/webhooks-examples with 2xx and stays up", async () => {
    let delivered = 0;
    for (const event of webhookExamples()) {
      for (const payload of event.examples) {
        const response = await fixture.app.deliver(event.name, payload);
        expect({
          event: event.name,
          action: payload.action,
          status: response.status >= 200 && response.status < 300 ? "2xx" : response.status,
        }).toEqual({ event: event.name, action: payload.action, status: "2xx" });
        delivered++;
      }
    }
    expect(delivered).toBeGreaterThanOrEqual(300);
    expect(fixture.app.running).toBe(true);
    expect((await fetch(`${fixture.app.url}/ping`)).status).toBe(200);
  }, 120_000);
});
