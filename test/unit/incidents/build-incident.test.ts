import { describe, expect, it } from "@jest/globals";
import { buildIncident, type IncidentSettings } from "../../../src/incidents/build-incident.js";
import { readCommands } from "../../../src/incidents/commands.js";
import { mergeIncidents } from "../../../src/incidents/incident-event.js";
import type { IssueComment, IssueEvent, IssueHistory } from "../../../src/incidents/issue-history.js";
import { postMortemIssue, renderPostMortem, updatePostMortem } from "../../../src/incidents/post-mortem.js";
import { renderStatusComment } from "../../../src/incidents/render-status-comment.js";
import { incidentRules } from "../../../src/validate/rules/incident.js";
import { defaultConfig } from "../../../src/schemas/config.js";

const settings: IncidentSettings = defaultConfig().incidents;
const at = (text: string) => Date.parse(text);

let commentId = 1;
function comment(body: string, when: string, fields: Partial<IssueComment> = {}): IssueComment {
  const id = commentId++;
  return {
    id,
    url: `https://github.com/acme/shop/issues/7#issuecomment-${id}`,
    body,
    author: "alice",
    authorIsBot: false,
    association: "MEMBER",
    createdAt: at(when),
    ...fields,
  };
}

function history(fields: {
  opened?: string;
  labels?: string[];
  body?: string;
  title?: string;
  comments?: IssueComment[];
  events?: IssueEvent[];
  closed?: { at: string; reason: "completed" | "not_planned" };
}): IssueHistory {
  return {
    issue: {
      number: 7,
      title: fields.title ?? "Checkout returns 502",
      body: fields.body ?? "",
      url: "https://github.com/acme/shop/issues/7",
      createdAt: at(fields.opened ?? "2025-03-04T14:10:00Z"),
      closedAt: fields.closed ? at(fields.closed.at) : null,
      state: fields.closed ? "closed" : "open",
      stateReason: fields.closed?.reason ?? null,
      labels: fields.labels ?? ["incident"],
      author: "alice",
      association: "MEMBER",
    },
    comments: fields.comments ?? [],
    events: [
      ...(fields.events ?? []),
      ...(fields.closed ? [{ kind: "closed" as const, at: at(fields.closed.at), reason: fields.closed.reason }] : []),
    ],
  };
}

/** Alice reports and comments; the permission check found her able to write (unless a test says who may). */
const build = (issue: IssueHistory, with_: IncidentSettings, writers: ReadonlySet<string> = new Set(["alice"])) =>
  buildIncident(issue, with_, writers);

const timelineOf = (incident: ReturnType<typeof buildIncident>) =>
  incident.timeline.map((entry) => `${new Date(entry.at).toISOString().slice(0, 16)} ${entry.text}`);

describe("incident commands", () => {
  it("reads /timeline and /started lines, with or without a date, and says which lines it cannot read", () => {
    const commands = readCommands(
      [
        "Rolling back now.",
        "/timeline 14:25 Rolled back to v2.3.0",
        "/TIMELINE 2025-03-05 00:10 UTC Error rate back to normal",
        "/started 13:58",
        "/timeline 25:00 impossible",
        "/timeline 2025-02-30 10:00 no such day",
        "/timeline soon",
        "> /timeline 10:00 quoted, not a command",
        "```",
        "/timeline 11:00 inside a code block",
        "```",
      ].join("\n"),
    );
    expect(commands).toEqual([
      { kind: "timeline", time: { hour: 14, minute: 25 }, text: "Rolled back to v2.3.0" },
      { kind: "timeline", time: { date: "2025-03-05", hour: 0, minute: 10 }, text: "Error rate back to normal" },
      { kind: "started", time: { hour: 13, minute: 58 } },
      { kind: "unreadable", line: "/timeline 25:00 impossible", problem: "25:00 is not a time of day" },
      {
        kind: "unreadable",
        line: "/timeline 2025-02-30 10:00 no such day",
        problem: "2025-02-30 is not a calendar date",
      },
      expect.objectContaining({ kind: "unreadable", line: "/timeline soon" }),
    ]);
  });
});

describe("buildIncident", () => {
  it("builds the timeline from commands, status labels and the close, in order, in UTC", () => {
    const incident = build(
      history({
        labels: ["incident", "sev2", "monitoring"],
        comments: [
          comment("/started 13:58", "2025-03-04T14:12:00Z"),
          comment("/timeline 14:25 Rolled back to v2.3.0\n/timeline 14:05 Alert fired", "2025-03-04T14:30:00Z"),
        ],
        events: [
          { kind: "labeled", label: "incident", at: at("2025-03-04T14:10:00Z") },
          { kind: "labeled", label: "Identified", at: at("2025-03-04T14:20:00Z") },
          { kind: "labeled", label: "monitoring", at: at("2025-03-04T14:40:00Z") },
          { kind: "unlabeled", label: "Identified", at: at("2025-03-04T14:40:00Z") },
        ],
        closed: { at: "2025-03-04T15:03:00Z", reason: "completed" },
      }),
      settings,
    );
    expect(incident).toMatchObject({
      severity: { level: "SEV2", from: "label" },
      started: { at: at("2025-03-04T13:58:00Z"), from: "command" },
      status: "resolved",
      outcome: "resolved",
      resolvedAt: at("2025-03-04T15:03:00Z"),
      durationMinutes: 65,
    });
    expect(timelineOf(incident)).toEqual([
      "2025-03-04T13:58 Started (/started)",
      "2025-03-04T14:05 Alert fired",
      "2025-03-04T14:10 Incident declared (issue opened)",
      "2025-03-04T14:20 Status: identified",
      "2025-03-04T14:25 Rolled back to v2.3.0",
      "2025-03-04T14:40 Status: monitoring",
      "2025-03-04T15:03 Resolved (issue closed)",
    ]);
  });

  it("reads a clock time across midnight as the next day, and /started before an issue opened just after midnight as the day before", () => {
    const incident = build(
      history({
        opened: "2025-03-05T00:05:00Z",
        comments: [comment("/started 23:40\n/timeline 23:55 Paged\n/timeline 00:20 Fixed", "2025-03-05T00:30:00Z")],
        closed: { at: "2025-03-05T00:31:00Z", reason: "completed" },
      }),
      settings,
    );
    expect(incident.started.at).toBe(at("2025-03-04T23:40:00Z"));
    expect(timelineOf(incident)).toEqual([
      "2025-03-04T23:40 Started (/started)",
      "2025-03-04T23:55 Paged",
      "2025-03-05T00:05 Incident declared (issue opened)",
      "2025-03-05T00:20 Fixed",
      "2025-03-05T00:31 Resolved (issue closed)",
    ]);
    expect(incident.durationMinutes).toBe(51);
    // Entries on another day than the start carry their date.
    expect(renderPostMortem(incident)).toContain("- 2025-03-05 00:20 — Fixed");
    expect(renderPostMortem(incident)).toContain("- 23:55 — Paged");
  });

  it("reads a bare time as the last such time before the comment was written, and a late write-up in the day around the start", () => {
    const incident = build(
      history({
        opened: "2025-03-04T02:05:00Z",
        comments: [
          comment("/timeline 20:30 Fix deployed", "2025-03-04T20:35:00Z"),
          comment("/timeline 02:15 Rolled back", "2025-03-07T09:00:00Z"),
        ],
      }),
      settings,
    );
    expect(timelineOf(incident)).toEqual([
      "2025-03-04T02:05 Incident declared (issue opened)",
      "2025-03-04T02:15 Rolled back",
      "2025-03-04T20:30 Fix deployed",
    ]);
  });

  it("follows edits and deletions (it reads the comments as they are now), and lists each entry once", () => {
    const edited = comment("/timeline 14:30 Restarted the workers", "2025-03-04T14:31:00Z");
    const twice = [
      comment("/timeline 14:20 Paged the on-call", "2025-03-04T14:21:00Z"),
      comment("/timeline 14:20 Paged the on-call", "2025-03-04T14:22:00Z"),
    ];
    const before = build(history({ comments: [edited, ...twice] }), settings);
    expect(timelineOf(before).filter((line) => line.includes("Paged"))).toHaveLength(1);
    const after = build(
      history({ comments: [{ ...edited, body: "/timeline 14:35 Restarted the workers and the queue" }] }),
      settings,
    );
    expect(timelineOf(after)).toEqual([
      "2025-03-04T14:10 Incident declared (issue opened)",
      "2025-03-04T14:35 Restarted the workers and the queue",
    ]);
  });

  it("ignores commands from people without write access, and says so once in the comment", () => {
    const incident = build(
      history({
        comments: [
          comment("/timeline 14:15 @everyone it is fixed, closes #12", "2025-03-04T14:16:00Z", {
            author: "drive-by",
            association: "NONE",
          }),
          comment("/started 09:00", "2025-03-04T14:17:00Z", { author: "drive-by", association: "CONTRIBUTOR" }),
          comment("/timeline 14:18 Team member via a team grant", "2025-03-04T14:18:00Z", {
            author: "Carol",
            association: "CONTRIBUTOR",
          }),
          comment("/timeline 14:19 from the bot", "2025-03-04T14:19:00Z", {
            author: "cto-copilot[bot]",
            authorIsBot: true,
          }),
        ],
      }),
      settings,
      new Set(["carol"]),
    );
    expect(incident.started.from).toBe("opened");
    expect(timelineOf(incident)).toEqual([
      "2025-03-04T14:10 Incident declared (issue opened)",
      "2025-03-04T14:18 Team member via a team grant",
    ]);
    expect(incident.ignored.map((entry) => entry.author)).toEqual(["drive-by", "drive-by"]);
    const body = renderStatusComment(incident, settings);
    expect(body.match(/without write access/g)).toHaveLength(1);
    expect(body).not.toContain("everyone it is fixed");
  });

  it("an organisation MEMBER without write permission steers nothing, nor a reporter who may not write", () => {
    const member = history({
      body: "Checkout is down.\n/started 09:00\n",
      comments: [
        comment("/timeline 14:15 Fixed it", "2025-03-04T14:16:00Z", { author: "mallory", association: "MEMBER" }),
      ],
    });
    const incident = build(member, settings, new Set());
    expect(incident.started.from).toBe("opened");
    expect(timelineOf(incident)).toEqual(["2025-03-04T14:10 Incident declared (issue opened)"]);
    expect(incident.ignored.map((entry) => entry.author)).toEqual(["alice", "mallory"]);
    expect(build(member, settings, new Set(["alice"])).started.from).toBe("command");
  });

  it("takes severity and Started from an issue form when no label or command gives them", () => {
    const incident = build(
      history({
        body: "### Severity\n\nSEV1 (customer-facing outage)\n\n### Started\n\n2025-03-04 13:50 UTC\n\n### What is happening\n\n_No response_",
      }),
      settings,
    );
    expect(incident.severity).toEqual({ level: "SEV1", from: "form" });
    expect(incident.started).toEqual({ at: at("2025-03-04T13:50:00Z"), from: "form" });
  });

  it("reads the reporter's /started in the description; a Started after the close is not believed, and said", () => {
    const fromBody = build(history({ body: "Checkout is down.\n/started 13:45\n" }), settings);
    expect(fromBody.started).toEqual({ at: at("2025-03-04T13:45:00Z"), from: "command" });
    const late = build(
      history({
        comments: [comment("/started 15:50", "2025-03-04T14:20:00Z")],
        closed: { at: "2025-03-04T14:30:00Z", reason: "completed" },
      }),
      settings,
    );
    expect(late.started).toEqual({ at: at("2025-03-04T14:10:00Z"), from: "opened" });
    expect(late.durationMinutes).toBe(20);
    expect(late.unreadable.map((entry) => entry.problem)).toEqual([
      "it is after the issue was closed (times are UTC): the time the issue was opened is used",
    ]);
    expect(
      incidentRules("incident_2025-03-04.md", renderPostMortem(late)).filter((f) => f.severity === "error"),
    ).toEqual([]);
  });

  it("names a close as a duplicate for what it is, and takes no action items from code blocks", () => {
    const duplicate = build(
      history({
        body: "- [ ] Real action\n```\n- [ ] not an action, an example\n```\n",
        closed: { at: "2025-03-04T14:30:00Z", reason: "not_planned" },
      }),
      settings,
    );
    expect(duplicate.actionItems.map((item) => item.text)).toEqual(["Real action"]);
    const history2 = history({ closed: { at: "2025-03-04T14:30:00Z", reason: "completed" } });
    history2.issue.stateReason = "duplicate";
    history2.events = [{ kind: "closed", at: at("2025-03-04T14:30:00Z"), reason: "duplicate" }];
    const dup = build(history2, settings);
    expect(dup.outcome).toBe("not-planned");
    expect(timelineOf(dup)).toContain("2025-03-04T14:30 Closed as a duplicate");
  });

  it("closed as not planned is no incident: no duration, said so in the comment", () => {
    const incident = build(history({ closed: { at: "2025-03-04T14:30:00Z", reason: "not_planned" } }), settings);
    expect(incident.outcome).toBe("not-planned");
    expect(incident.durationMinutes).toBeUndefined();
    expect(renderStatusComment(incident, settings)).toContain("closed as not planned: not an incident, not counted");
  });
});

describe("the post-mortem", () => {
  const facts = {
    title: "@oncall <img src=x onerror=alert(1)> checkout down, fixes #12",
    labels: ["incident", "SEV1"],
    body: "Checkout is down.\n\n- [x] Roll back the release @alice\n- [ ] Alert on 502 rate @bob\n- [ ] Load test the gateway",
    comments: [comment("/timeline 14:25 Rolled back, see #99 and @bob", "2025-03-04T14:26:00Z")],
  };
  const resolved = build(history({ ...facts, closed: { at: "2025-03-04T14:57:00Z", reason: "completed" } }), settings);

  it("passes the validator, carries the link to its issue and the action items as a table", () => {
    const text = renderPostMortem(resolved);
    expect(incidentRules("incident_2025-03-04.md", text).filter((finding) => finding.severity === "error")).toEqual([]);
    expect(text).toContain("**Duration:** 47 minutes");
    expect(text).toContain("**Severity:** SEV1");
    expect(postMortemIssue(text)).toBe(7);
    expect(text).toContain("| Roll back the release | `alice` | — | ✅ |");
    expect(text).toContain("| Alert on 502 rate | `bob` | — | 🔲 |");
    expect(text).toContain("| Load test the gateway | — | — | 🔲 |");
  });

  it("quotes every word people wrote inert: no mention, reference, closing keyword or HTML survives", () => {
    for (const text of [renderPostMortem(resolved), renderStatusComment(resolved, settings)]) {
      expect(text).not.toMatch(/@(oncall|bob|alice)\b/);
      expect(text).not.toMatch(/#(12|99)\b/);
      expect(text).not.toContain("<img");
    }
  });

  it("a reopened incident closed again updates the numbers and keeps what people wrote", () => {
    const written = renderPostMortem(resolved).replace(
      "_To be written: what broke and why, blamelessly._",
      "A config push removed the upstream pool.",
    );
    const again = build(
      history({
        ...facts,
        events: [
          { kind: "closed", at: at("2025-03-04T14:57:00Z"), reason: "completed" },
          { kind: "reopened", at: at("2025-03-04T15:10:00Z") },
        ],
        closed: { at: "2025-03-04T15:40:00Z", reason: "completed" },
      }),
      settings,
    );
    const updated = updatePostMortem(written, again);
    expect(updated).toContain("**Duration:** 90 minutes");
    expect(updated).toContain("**Resolved:** 2025-03-04T15:40:00Z");
    expect(updated).toContain("A config push removed the upstream pool.");
    expect(updated).toContain("- 15:10 — Reopened");
    expect(incidentRules("incident_2025-03-04.md", updated).filter((finding) => finding.severity === "error")).toEqual(
      [],
    );
  });
});

describe("time to restore counts each incident once", () => {
  it("an issue and the post-mortem that links it are one incident; other issues still count", () => {
    const merged = mergeIncidents(
      [{ id: "incidents/incident_2025-03-04.md", title: "Checkout", started: 1, resolved: 2, issue: 7 }],
      [
        { id: "#7", title: "Checkout", started: 1, resolved: 3, issue: 7 },
        { id: "#8", title: "Search slow", started: 5, resolved: 9, issue: 8 },
      ],
    );
    expect(merged.map((incident) => incident.id)).toEqual(["incidents/incident_2025-03-04.md", "#8"]);
  });
});
