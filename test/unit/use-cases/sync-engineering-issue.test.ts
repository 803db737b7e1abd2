import { describe, expect, it } from "@jest/globals";
import type { Logger } from "../../../src/ports/logger.js";
import type { IssuePublisher } from "../../../src/ports/publisher.js";
import type { IssueRecord } from "../../../src/ports/repository-view.js";
import { defaultConfig } from "../../../src/schemas/config.js";
import { syncIssueMarker } from "../../../src/scorecard/sync-issue.js";
import { describeSyncIssue, syncEngineeringIssue } from "../../../src/use-cases/sync-engineering-issue.js";

/** Issues in memory behind the two ports, with every call recorded. */
function fakeGitHub(issues: IssueRecord[], options: { refusePin?: boolean } = {}) {
  const calls: string[] = [];
  const logged: string[] = [];
  const log: Logger = { debug() {}, info: (m) => logged.push(m), warn: (m) => logged.push(m), error() {} };
  const publish: IssuePublisher = {
    async ensureLabels(labels) {
      calls.push(`labels ${labels.map((label) => label.name).join(",")}`);
    },
    async createIssue(fields) {
      const number = 100 + issues.length;
      issues.push({ number, title: fields.title, body: fields.body, state: "open", labels: fields.labels });
      calls.push(`create #${number}`);
      return number;
    },
    async updateIssue(number, fields) {
      Object.assign(
        issues.find((issue) => issue.number === number)!,
        fields,
      );
      calls.push(`update #${number}`);
    },
    async commentOnIssue() {
      calls.push("comment");
    },
    async pinIssue(number) {
      calls.push(`pin #${number}`);
      if (options.refusePin) throw new Error("Cannot pin more than 3 issues\nin this repository.");
    },
  };
  const view = {
    async listIssuesWithLabel(label: string) {
      calls.push(`list ${label}`);
      return issues.filter((issue) => issue.labels.includes(label)).map((issue) => ({ ...issue }));
    },
  };
  return { context: { view, publish, log }, calls, logged, issues };
}

const on = { ...defaultConfig().sync, issue: true };
const body = `${syncIssueMarker}\n### Situation Read\n\nsomething\n`;

describe("syncEngineeringIssue", () => {
  it("is off by default: no request at all", async () => {
    const github = fakeGitHub([]);
    expect(defaultConfig().sync).toEqual({ issue: false, title: "Engineering sync", label: "engineering-sync" });
    const outcome = await syncEngineeringIssue(github.context, defaultConfig().sync, body);
    expect(outcome).toEqual({ status: "skipped", reason: "sync.issue is off in the config" });
    expect(github.calls).toEqual([]);
    expect(describeSyncIssue(outcome)).toBeUndefined();
  });

  it("creates and pins it once, then edits it in place, and leaves it when nothing changed", async () => {
    const github = fakeGitHub([
      // The label alone is not enough: a person's issue with the label but no marker is left alone.
      { number: 7, title: "Engineering sync ideas", body: "let's talk", state: "open", labels: ["engineering-sync"] },
    ]);
    expect(await syncEngineeringIssue(github.context, on, body)).toEqual({
      status: "created",
      number: 101,
      pinned: true,
    });
    expect(github.calls).toEqual(["list engineering-sync", "labels engineering-sync", "create #101", "pin #101"]);
    github.calls.length = 0;
    expect(await syncEngineeringIssue(github.context, on, body)).toEqual({ status: "unchanged", number: 101 });
    expect(
      await syncEngineeringIssue(github.context, { ...on, title: "Weekly sync" }, body.replace("something", "more")),
    ).toEqual({
      status: "updated",
      number: 101,
    });
    expect(github.calls).toEqual(["list engineering-sync", "list engineering-sync", "update #101"]);
    expect(github.issues.find((issue) => issue.number === 101)).toMatchObject({
      title: "Weekly sync",
      body: body.replace("something", "more"),
    });
    expect(github.issues.find((issue) => issue.number === 7)).toMatchObject({ body: "let's talk" });
  });

  it("a closed sync issue is updated and left closed; of two, the oldest is kept", async () => {
    const github = fakeGitHub([
      {
        number: 12,
        title: "Engineering sync",
        body: `${syncIssueMarker}\nnewer`,
        state: "open",
        labels: ["engineering-sync"],
      },
      {
        number: 5,
        title: "Engineering sync",
        body: `${syncIssueMarker}\nolder`,
        state: "closed",
        labels: ["engineering-sync"],
      },
    ]);
    expect(await syncEngineeringIssue(github.context, on, body)).toEqual({ status: "updated", number: 5 });
    expect(github.issues.find((issue) => issue.number === 5)).toMatchObject({ state: "closed", body });
    expect(github.logged).toEqual([
      "The Engineering sync issue #5 is closed: its text was updated and it was left closed (sync.issue: false stops the updates).",
    ]);
  });

  it("a refused pin is logged on one line, and the issue stands", async () => {
    const github = fakeGitHub([], { refusePin: true });
    const outcome = await syncEngineeringIssue(github.context, on, body);
    expect(outcome).toEqual({ status: "created", number: 100, pinned: false });
    expect(github.logged).toEqual([
      "The Engineering sync issue #100 was not pinned (Cannot pin more than 3 issues in this repository.); pin it by hand if you like: GitHub allows 3 pinned issues per repository.",
    ]);
    expect(describeSyncIssue(outcome)).toBe("Created the Engineering sync issue #100.");
  });

  it("dry run: reads, plans, writes nothing", async () => {
    const github = fakeGitHub([]);
    expect(await syncEngineeringIssue(github.context, on, body, { dryRun: true })).toEqual({
      status: "planned",
      action: "create",
    });
    expect(github.calls).toEqual(["list engineering-sync"]);
  });
});
