import { describe, expect, it } from "@jest/globals";
import { ownedBody } from "../../src/markdown/ownership.js";
import { useAppAndEmulator } from "../support/app-fixture.js";
import { templateText } from "../support/data-files.js";
import type { RepoState } from "../support/emulator/state.js";
import { webhookExamples } from "../support/webhook-payloads.js";

const fixture = useAppAndEmulator();

/** A recorded `push` payload, re-pointed at an emulated repository, with the paths its commit changed. */
function pushPayload(repo: RepoState, changed: string[], ref = "refs/heads/main"): Record<string, any> {
  const example = structuredClone(webhookExamples().find((event) => event.name === "push")!.examples[0]!);
  const [owner, name] = repo.fullName.split("/");
  return {
    ...example,
    ref,
    installation: { id: 1, node_id: "x" },
    repository: {
      ...example.repository,
      name,
      full_name: repo.fullName,
      html_url: `https://github.com/${repo.fullName}`,
      owner: { ...example.repository.owner, login: owner, name: owner },
      default_branch: "main",
    },
    commits: [{ ...(example.commits[0] ?? {}), added: [], removed: [], modified: changed }],
  };
}

describe("the App keeps the debt issues in step on push", () => {
  it("a push to the default branch changing tech_debt.json creates the issues; any other push costs no request", async () => {
    const repo = fixture.github.addRepo("acme/debt-app", {
      ".github/cto-copilot.yml": "debt:\n  issues: true\nonboarding: false\n",
      "data/engineering/tech_debt.json": templateText("tech_debt.json"),
      "data/engineering/tech_stack.json": templateText("tech_stack.json"),
    });
    const quiet = () => new Promise((resolve) => setTimeout(resolve, 1_500));
    // A push that changes no debt file costs no repository request: the installation (made in
    // 2025) is past the onboarding window, which the App reads once per installation (/app/...).
    const before = fixture.github.requests.length;
    expect((await fixture.app.deliver("push", pushPayload(repo, ["src/index.ts"]))).status).toBe(200);
    await quiet();
    const apiReads = fixture.github.requests.slice(before).filter((request) => !request.path.includes("/app/"));
    expect(apiReads).toEqual([]);
    const after = fixture.github.requests.length;
    expect((await fixture.app.deliver("push", pushPayload(repo, ["src/index.ts"]))).status).toBe(200);
    expect(
      (await fixture.app.deliver("push", pushPayload(repo, ["data/engineering/tech_debt.json"], "refs/heads/feature")))
        .status,
    ).toBe(200);
    await quiet();
    expect(fixture.github.requests.length).toBe(after);

    // Issue creation is paced (one every 3 s, as GitHub asks): past 9 s Probot answers 202 and goes on.
    expect([200, 202]).toContain(
      (await fixture.app.deliver("push", pushPayload(repo, ["data/engineering/tech_debt.json"]))).status,
    );
    const debtIssues = () => [...repo.issues.values()].filter((issue) => issue.labels.includes("tech-debt"));
    for (let waited = 0; debtIssues().length < 2 && waited < 30_000; waited += 200)
      await new Promise((resolve) => setTimeout(resolve, 200));
    const issues = debtIssues();
    // The template has two open items (debt_001, debt_002) and one resolved before any issue existed.
    expect(issues.map((issue) => issue.title).sort()).toEqual([
      "Hand-rolled auth middleware",
      "No integration tests for billing",
    ]);
  }, 60_000);

  it("adopts only its own issues: a person's or another bot's issue carrying the marker, even with a true fingerprint, is left as written", async () => {
    const repo = fixture.github.addRepo("acme/debt-foreign", {
      ".github/cto-copilot.yml": "debt:\n  issues: true\nonboarding: false\n",
      "data/engineering/tech_debt.json": templateText("tech_debt.json"),
    });
    const notes = "Long notes a person wrote.";
    const person = repo.createIssue({
      title: "Auth notes",
      body: `<!-- cto-copilot:debt:debt_001 -->\n${notes}`,
      labels: ["tech-debt"],
      user: "alice",
    });
    // Another App copying our issue text whole: the marker, the fingerprint and all.
    const copied = ownedBody("debt:debt_002", notes);
    const otherBot = repo.createIssue({ title: "Copied", body: copied, labels: ["tech-debt"], user: "copy-bot[bot]" });
    expect([200, 202]).toContain(
      (await fixture.app.deliver("push", pushPayload(repo, ["data/engineering/tech_debt.json"]))).status,
    );
    const ours = () => [...repo.issues.values()].filter((issue) => issue.user === "cto-copilot[bot]");
    for (let waited = 0; ours().length < 2 && waited < 30_000; waited += 200)
      await new Promise((resolve) => setTimeout(resolve, 200));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(ours()).toHaveLength(2);
    expect(person).toMatchObject({
      title: "Auth notes",
      body: `<!-- cto-copilot:debt:debt_001 -->\n${notes}`,
      state: "open",
    });
    expect(otherBot).toMatchObject({ title: "Copied", body: copied, state: "open" });
    expect(repo.comments.filter((comment) => [person.number, otherBot.number].includes(comment.issue))).toEqual([]);
  }, 60_000);

  it("follows the debt file where dataDir puts it: a tech_debt.json elsewhere changes nothing", async () => {
    const repo = fixture.github.addRepo("acme/debt-moved", {
      ".github/cto-copilot.yml": "dataDir: governance\ndebt:\n  issues: true\nonboarding: false\n",
      "governance/tech_debt.json": templateText("tech_debt.json"),
      "fixtures/tech_debt.json": templateText("tech_debt.json"),
    });
    const debtIssues = () => [...repo.issues.values()].filter((issue) => issue.labels.includes("tech-debt"));
    // Another file of the same name: the config is read to know, and nothing is written.
    expect((await fixture.app.deliver("push", pushPayload(repo, ["fixtures/tech_debt.json"]))).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(debtIssues()).toEqual([]);
    expect([200, 202]).toContain(
      (await fixture.app.deliver("push", pushPayload(repo, ["governance/tech_debt.json"]))).status,
    );
    for (let waited = 0; debtIssues().length < 2 && waited < 30_000; waited += 200)
      await new Promise((resolve) => setTimeout(resolve, 200));
    expect(debtIssues()).toHaveLength(2);
  }, 60_000);
});
