import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { contentOf } from "../../src/markdown/ownership.js";
import { runAction } from "../support/action-runner.js";
import { useAppAndEmulator } from "../support/app-fixture.js";
import { templateText, validateOne } from "../support/data-files.js";
import type { RecordedRequest } from "../support/emulator/server.js";
import type { RepoState } from "../support/emulator/state.js";
import { issueCommentPayload, issuesPayload } from "../support/webhook-payloads.js";

const fixture = useAppAndEmulator();
const marker = "<!-- cto-copilot:incident -->";
/** Requests that change something: anything but a GET or a GraphQL query (a mutation writes). */
const writes = (requests: readonly RecordedRequest[]) =>
  requests.filter((request) =>
    request.path.endsWith("/graphql") ? JSON.stringify(request.body).includes("mutation") : request.method !== "GET",
  );

type Door = (repo: RepoState, event: string, payload: Record<string, any>) => Promise<void>;

/** The App: deliver the signed webhook, then wait until the App stops talking to GitHub. */
const app: Door = async (_repo, event, payload) => {
  const response = await fixture.app.deliver(event, payload);
  expect([200, 202]).toContain(response.status);
  let seen = -1;
  while (fixture.github.requests.length !== seen) {
    seen = fixture.github.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
  }
};

/** The Action: the bundle run as a runner runs it, on the event that started the workflow. */
const action: Door = async (repo, event, payload) => {
  // As on GitHub: the workflow's GITHUB_TOKEN writes as github-actions[bot], which every workflow shares.
  fixture.github.tokenLogins.set("ghs_runner_token", "github-actions[bot]");
  const run = await runAction({
    event,
    payload,
    repository: repo.fullName,
    apiUrl: fixture.github.restUrl,
    graphqlUrl: fixture.github.graphqlUrl,
  });
  expect(run.exitCode).toBe(0);
};

const botComments = (repo: RepoState, issue: number) =>
  repo.comments.filter((comment) => comment.issue === issue && comment.body.includes(marker));

/** The life of one incident, from the label to a post-mortem pull request, reopened and closed again. */
async function incidentLife(door: Door, name: string) {
  const repo = fixture.github.addRepo(name, {
    // Another incident the same day: this one's post-mortem must be the day's second file.
    "data/engineering/incidents/incident_2025-03-04.md": templateText("incidents/incident_2025-10-14.md").replace(
      /2025-10-14/g,
      "2025-03-04",
    ),
  });
  // Who may write is the repository permission: alice (the reporter) and carol may, whatever GitHub's association says.
  repo.writers.add("alice");
  repo.writers.add("carol");
  const issue = repo.createIssue({
    title: "Checkout returns 502 @oncall, fixes #1",
    body: "Checkout is down for EU customers.\n\n- [x] Roll back the release @alice\n- [ ] Alert on the 502 rate @bob",
    labels: ["incident", "SEV2"],
    user: "alice",
    createdAt: "2025-03-04T14:10:00Z",
  });
  const n = issue.number;
  await door(repo, "issues", issuesPayload(repo, n, "opened"));
  expect(botComments(repo, n)).toHaveLength(1);

  const say = async (user: string, body: string, at: string, association = "MEMBER") => {
    const comment = repo.addComment(n, { user, body, at, association });
    await door(repo, "issue_comment", issueCommentPayload(repo, n, comment, "created"));
    return comment;
  };
  await say("alice", "/started 13:58\n/timeline 14:05 Alert fired: 502 rate at 12%", "2025-03-04T14:12:00Z");
  await say("drive-by", "/timeline 14:06 @everyone it is DNS, fixes #1", "2025-03-04T14:13:00Z", "NONE");
  await say("carol", "/timeline 14:15 Paged the payments team", "2025-03-04T14:16:00Z", "CONTRIBUTOR");
  repo.labelIssue(n, "identified", "2025-03-04T14:20:00Z");
  await door(repo, "issues", issuesPayload(repo, n, "labeled"));
  const rollback = await say("alice", "/timeline 14:25 Rolled back", "2025-03-04T14:26:00Z");
  repo.editComment(rollback.id, "/timeline 14:26 Rolled back to v2.3.0 in all regions", "2025-03-04T14:27:00Z");
  await door(repo, "issue_comment", issueCommentPayload(repo, n, rollback, "edited"));
  const mistake = await say("alice", "/timeline 14:30 Wrong incident, ignore", "2025-03-04T14:31:00Z");
  repo.deleteComment(mistake.id);
  await door(repo, "issue_comment", issueCommentPayload(repo, n, mistake, "deleted"));
  repo.labelIssue(n, "monitoring", "2025-03-04T14:40:00Z");
  await door(repo, "issues", issuesPayload(repo, n, "labeled"));
  const live = botComments(repo, n)[0]!.body;
  expect(live).toContain("| Status | monitoring |");
  expect(live).toContain("- 14:26 — Rolled back to v2.3.0 in all regions");
  expect(live).not.toContain("Wrong incident");

  repo.closeIssue(n, "completed", "2025-03-04T15:03:00Z");
  await door(repo, "issues", issuesPayload(repo, n, "closed"));
  const pulls = () => [...repo.pulls.values()].filter((pull) => pull.headRef === `cto-copilot/incident-${n}`);
  expect(pulls()).toHaveLength(1);
  const path = "data/engineering/incidents/incident_2025-03-04-2.md";
  const first = repo.resolve(`cto-copilot/incident-${n}`)!;
  const postMortem = first.tree.get(path) as string;
  expect(validateOne("incidents/incident_2025-03-04-2.md", postMortem).filter((d) => d.severity === "error")).toEqual(
    [],
  );

  // A redelivery changes nothing.
  const before = fixture.github.requests.length;
  await door(repo, "issues", issuesPayload(repo, n, "closed"));
  expect(writes(fixture.github.requests.slice(before))).toEqual([]);

  // Reopened, then closed again: the same pull request gets a new commit on top (never forced).
  repo.reopenIssue(n, "2025-03-04T15:20:00Z");
  await door(repo, "issues", issuesPayload(repo, n, "reopened"));
  repo.closeIssue(n, "completed", "2025-03-04T15:40:00Z");
  await door(repo, "issues", issuesPayload(repo, n, "closed"));
  expect(pulls()).toHaveLength(1);
  const second = repo.resolve(`cto-copilot/incident-${n}`)!;
  expect(second.parents).toEqual([first.sha]);
  const updated = second.tree.get(path) as string;
  expect(botComments(repo, n)).toHaveLength(1);

  // Closed as not planned: not an incident, no pull request; a live comment says so, none is started for it.
  const falseAlarm = repo.createIssue({ title: "Pager test", labels: ["incident"], createdAt: "2025-03-05T09:00:00Z" });
  await door(repo, "issues", issuesPayload(repo, falseAlarm.number, "opened"));
  repo.closeIssue(falseAlarm.number, "not_planned", "2025-03-05T09:05:00Z");
  await door(repo, "issues", issuesPayload(repo, falseAlarm.number, "closed"));
  expect([...repo.pulls.values()].filter((pull) => pull.headRef.endsWith(`-${falseAlarm.number}`))).toEqual([]);
  expect(botComments(repo, falseAlarm.number).map((comment) => comment.body)).toEqual([
    expect.stringContaining("closed as not planned: not an incident, not counted"),
  ]);
  const quickNo = repo.createIssue({ title: "Not an outage", labels: ["incident"], createdAt: "2025-03-05T09:10:00Z" });
  repo.closeIssue(quickNo.number, "not_planned", "2025-03-05T09:11:00Z");
  await door(repo, "issues", issuesPayload(repo, quickNo.number, "closed"));
  expect(botComments(repo, quickNo.number)).toEqual([]);

  // Any other issue costs no request at all.
  const plain = repo.createIssue({ title: "Typo in the footer", createdAt: "2025-03-05T10:00:00Z" });
  const quiet = fixture.github.requests.length;
  await door(repo, "issues", issuesPayload(repo, plain.number, "opened"));
  const remark = repo.addComment(plain.number, {
    user: "bob",
    body: "/timeline 10:00 not an incident",
    at: "2025-03-05T10:01:00Z",
  });
  await door(repo, "issue_comment", issueCommentPayload(repo, plain.number, remark, "created"));
  expect(fixture.github.requests.length).toBe(quiet);

  return { repo, n, postMortem, updated, comment: contentOf(botComments(repo, n)[0]!.body) };
}

/** The parts that differ between two repositories: the issue number and the repository name. */
const normalized = (text: string, repo: RepoState, n: number) =>
  text.replaceAll(repo.fullName, "OWNER/REPO").replaceAll(`/issues/${n}`, "/issues/N").replaceAll(`#${n}`, "#N");

describe("incidents from issues, through both doors", () => {
  let viaApp: Awaited<ReturnType<typeof incidentLife>>;

  it("the App: one live comment, one post-mortem pull request with the right duration, updated when reopened and closed again", async () => {
    viaApp = await incidentLife(app, "acme/shop");
    const { postMortem, updated, comment } = viaApp;
    expect(postMortem).toContain("**Severity:** SEV2");
    expect(postMortem).toContain("**Started:** 2025-03-04T13:58:00Z");
    expect(postMortem).toContain("**Resolved:** 2025-03-04T15:03:00Z");
    expect(postMortem).toContain("**Duration:** 65 minutes");
    expect(postMortem.split("### Timeline\n")[1]!.split("\n\n")[0]).toBe(
      [
        "- 13:58 — Started (/started)",
        "- 14:05 — Alert fired: 502 rate at 12%",
        "- 14:10 — Incident declared (issue opened)",
        "- 14:15 — Paged the payments team",
        "- 14:20 — Status: identified",
        "- 14:26 — Rolled back to v2.3.0 in all regions",
        "- 14:40 — Status: monitoring",
        "- 15:03 — Resolved (issue closed)",
      ].join("\n"),
    );
    expect(postMortem).toContain("| Alert on the 502 rate | `bob` | — | 🔲 |");
    expect(updated).toContain("**Duration:** 102 minutes");
    expect(updated).toContain("- 15:20 — Reopened");
    // The reporter's words are inert wherever the bot writes them.
    for (const text of [postMortem, comment]) {
      expect(text).not.toMatch(/@(oncall|everyone|bob|alice)\b/);
      expect(text).not.toMatch(/#1\b/);
    }
    expect(comment).toContain("1 comment with commands came from people without write access");
    // docs/incidents.md shows this very post-mortem.
    const readme = readFileSync(new URL("../../docs/incidents.md", import.meta.url), "utf8");
    const shown = /For the incident\s+of the end-to-end test it is:\n\n```markdown\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(shown).toBe(postMortem.replaceAll(`/issues/${viaApp.n}`, "/issues/1"));
  }, 240_000);

  it("the Action behaves the same: the same comment and the same post-mortem", async () => {
    const viaAction = await incidentLife(action, "acme/shop-actions");
    for (const part of ["postMortem", "updated", "comment"] as const)
      expect(normalized(viaAction[part], viaAction.repo, viaAction.n)).toBe(
        normalized(viaApp[part], viaApp.repo, viaApp.n),
      );
  }, 240_000);
});

/** One incident, with a thread that tries to steer it: the door is told of the last comment only (it reads the whole history). */
async function contestedIncident(door: Door, name: string, bot: string) {
  const repo = fixture.github.addRepo(name, {});
  repo.writers.add("carol");
  // An organisation member who may not write to this repository reports it, with a command in the description.
  const issue = repo.createIssue({
    title: "API returns 500",
    body: "The API is down.\n/started 08:00",
    labels: ["incident"],
    user: "mallory",
    association: "MEMBER",
    createdAt: "2025-05-01T10:00:00Z",
  });
  const n = issue.number;
  const comment = (user: string, body: string, minute: number, association: string) =>
    repo.addComment(n, { user, body, at: `2025-05-01T10:${String(minute).padStart(2, "0")}:30Z`, association });
  comment("mallory", "/started 09:30\n/timeline 10:05 It was DNS, all fixed", 5, "MEMBER");
  for (let i = 0; i < 12; i++) comment(`stranger-${i}`, `/timeline 10:${10 + i} spam ${i}`, 10 + i, "NONE");
  // Another bot relays text beginning with our marker: not ours, never adopted.
  const relayed = comment(bot, "<!-- cto-copilot:incident -->\nRelayed: the incident is over", 25, "NONE");
  const last = comment("carol", "/timeline 10:30 Failed over to the standby", 31, "CONTRIBUTOR");
  await door(repo, "issue_comment", issueCommentPayload(repo, n, last, "created"));
  const ours = repo.comments.filter(
    (candidate) => candidate.issue === n && candidate.user.endsWith("[bot]") && candidate.id !== relayed.id,
  );
  return { ours, relayed };
}

describe("who may steer an incident, and which comment is ours", () => {
  for (const [name, door, bot] of [
    ["the App", app, "relay-bot[bot]"],
    ["the Action", action, "github-actions[bot]"],
  ] as const)
    it(`${name}: only people with write permission steer it (not a MEMBER, not a reporter who may not write, whatever number of strangers comes first); another bot's comment with the marker is left alone`, async () => {
      const { ours, relayed } = await contestedIncident(door, `acme/contested-${name.slice(4).toLowerCase()}`, bot);
      expect(relayed.body).toBe("<!-- cto-copilot:incident -->\nRelayed: the incident is over");
      expect(ours).toHaveLength(1);
      const live = ours[0]!.body;
      expect(live).toContain("10:30 — Failed over to the standby");
      expect(live).not.toContain("DNS");
      expect(live).not.toContain("spam");
      expect(live).not.toContain("08:00");
      expect(live).not.toContain("09:30");
    }, 60_000);
});

describe("the Action on events that are not an incident's", () => {
  it("a comment on a pull request, or on an issue with other labels, ends the step in success with no request but the config", async () => {
    const repo = fixture.github.addRepo("acme/not-incidents", {});
    const pull = repo.openPullRequest({ "src/a.ts": "export {};\n" });
    repo.issues.set(pull.number, { ...repo.createIssue({ title: "tmp" }), number: pull.number });
    const onPull = issueCommentPayload(
      repo,
      pull.number,
      { id: 1, body: "/timeline 10:00 x", user: "alice" },
      "created",
    );
    onPull.issue.pull_request = { url: "https://api.github.com/repos/acme/not-incidents/pulls/1" };
    const before = fixture.github.requests.length;
    await action(repo, "issue_comment", onPull);
    expect(fixture.github.requests.length).toBe(before);

    const bug = repo.createIssue({ title: "A bug", labels: ["bug"] });
    const remark = repo.addComment(bug.number, { user: "bob", body: "/timeline 10:00 x", at: "2025-03-05T10:01:00Z" });
    const start = fixture.github.requests.length;
    await action(repo, "issue_comment", issueCommentPayload(repo, bug.number, remark, "created"));
    // The config says which label makes an incident: one read, and nothing of the issue.
    expect(fixture.github.requests.slice(start).map((request) => request.method)).toEqual(["POST"]);
  }, 60_000);
});

describe("post-mortem file names", () => {
  it("two incidents of one day, both still in their pull requests, get two names", async () => {
    const repo = fixture.github.addRepo("acme/two-a-day", {});
    const first = repo.createIssue({ title: "Queue backlog", labels: ["incident"], createdAt: "2025-04-01T09:00:00Z" });
    const second = repo.createIssue({ title: "Login errors", labels: ["incident"], createdAt: "2025-04-01T15:00:00Z" });
    repo.closeIssue(first.number, "completed", "2025-04-01T10:00:00Z");
    await action(repo, "issues", issuesPayload(repo, first.number, "closed"));
    repo.closeIssue(second.number, "completed", "2025-04-01T16:00:00Z");
    await action(repo, "issues", issuesPayload(repo, second.number, "closed"));
    const postMortems = (issue: number) =>
      [...repo.resolve(`cto-copilot/incident-${issue}`)!.tree.keys()].filter((path) => path.includes("/incident_"));
    expect(postMortems(first.number)).toEqual(["data/engineering/incidents/incident_2025-04-01.md"]);
    expect(postMortems(second.number)).toEqual(["data/engineering/incidents/incident_2025-04-01-2.md"]);
  }, 60_000);
});
