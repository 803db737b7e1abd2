import { describe, expect, it } from "@jest/globals";
import type { CommitInfo } from "../../../src/dora/commit-graph.js";
import { silentLogger } from "../../../src/ports/logger.js";
import type { FileWrite } from "../../../src/ports/publisher.js";
import { StaleBranchError } from "../../../src/ports/publisher.js";
import type { HistoryRequest } from "../../../src/ports/repository-view.js";
import { defaultConfig, type Config } from "../../../src/schemas/config.js";
import { scorecardSchema } from "../../../src/schemas/scorecard.js";
import { computeScorecard, writeScorecard, type ScorecardContext } from "../../../src/use-cases/compute-scorecard.js";
import { templateText } from "../../support/data-files.js";
import { releaseHistory } from "../../support/release-history.js";

const history = releaseHistory;
const commits: CommitInfo[] = history.map((entry, index) => ({
  sha: `c${index}`,
  parents: index === 0 ? [] : [`c${index - 1}`],
  authorTime: Date.parse(entry.at),
  subject: entry.subject,
}));
const releases = history.flatMap((entry, index) =>
  entry.release ? [{ name: entry.release, sha: `c${index}`, time: Date.parse(entry.at) }] : [],
);
const reachable = (tips: readonly string[]) => {
  const seen = new Set<string>();
  const stack = [...tips];
  while (stack.length > 0) {
    const sha = stack.pop();
    const commit = commits.find((candidate) => candidate.sha === sha);
    if (!commit || seen.has(commit.sha)) continue;
    seen.add(commit.sha);
    stack.push(...commit.parents);
  }
  return seen;
};
const files: Record<string, string> = { "data/engineering/tech_debt.json": templateText("tech_debt.json") };

/** The view shaped as each implementation answers: GitHub walks history back by time, git excludes what earlier tags reach. */
function fakeView(shape: "github" | "local"): ScorecardContext["view"] {
  return {
    readHead: async () => ({ sha: "head", tree: "tree" }),
    readDeployments: async (query) => ({
      notes: [],
      deployments: releases.map((release) =>
        shape === "github"
          ? {
              ref: String(release.time),
              sha: release.sha,
              time: release.time,
              environment: query.environment,
              status: "success",
            }
          : {
              ref: release.name,
              sha: release.sha,
              time: release.time,
              environment: "production",
              status: "success",
              markers: [release.name],
            },
      ),
    }),
    readHistory: async (request: HistoryRequest) => {
      // GitHub walks each recent tip back by time; git gives the whole history of every tip.
      const tips = request.tips.filter((tip) => shape === "local" || tip.time >= request.since).map((tip) => tip.sha);
      const fromTips = reachable(tips);
      const wanted = commits.filter(
        (commit) => fromTips.has(commit.sha) && (shape === "local" || commit.authorTime >= request.since),
      );
      return wanted.reverse(); // newest first, as both give them
    },
    readContents: async (_ref, wanted) => ({
      files: new Map(
        (wanted.files ?? [])
          .filter((path) => files[path] !== undefined)
          .map((path) => [path, { path, byteSize: files[path]!.length, text: files[path]! }]),
      ),
      directories: new Map(),
    }),
    readConfigSources: async () => ({}),
    listIncidentIssues: async () => [],
    readBranchProtection: async () => undefined,
    countOpenDependabotAlerts: async () => undefined,
  };
}

const now = new Date("2025-11-01T00:00:00Z");
const configFor = (source: "deployments" | "tags"): Config => ({
  ...defaultConfig(),
  dora: { ...defaultConfig().dora, source, windowDays: 45 },
});
const context = (shape: "github" | "local"): ScorecardContext => ({
  view: fakeView(shape),
  log: silentLogger,
  now: () => now,
});

describe("computeScorecard", () => {
  it("time to restore takes each incident once: a post-mortem and the issue it links are one incident", async () => {
    const view = fakeView("local");
    const postMortem = templateText("incidents/incident_2025-10-14.md").replace(
      "**Duration:** 47",
      "**Duration:** 47\n**Issue:** https://github.com/acme/shop/issues/7",
    );
    const withIncidents: ScorecardContext["view"] = {
      ...view,
      readContents: async (ref, wanted) => {
        const read = await view.readContents(ref, wanted);
        if (wanted.directories?.includes("data/engineering/incidents"))
          read.directories.set("data/engineering/incidents", ["incident_2025-10-14.md", "README.md"]);
        if (wanted.files?.includes("data/engineering/incidents/incident_2025-10-14.md"))
          read.files.set("data/engineering/incidents/incident_2025-10-14.md", {
            path: "data/engineering/incidents/incident_2025-10-14.md",
            byteSize: postMortem.length,
            text: postMortem,
          });
        return read;
      },
      listIncidentIssues: async () => [
        // The issue of the post-mortem, closed later than the post-mortem says it was resolved.
        {
          id: "#7",
          issue: 7,
          title: "Checkout",
          started: Date.parse("2025-10-14T14:00:00Z"),
          resolved: Date.parse("2025-10-14T20:00:00Z"),
        },
        {
          id: "#9",
          issue: 9,
          title: "Search slow",
          started: Date.parse("2025-10-20T10:00:00Z"),
          resolved: Date.parse("2025-10-20T12:07:00Z"),
        },
      ],
    };
    const run = await computeScorecard(
      { view: withIncidents, log: silentLogger, now: () => now },
      configFor("tags"),
      "main",
    );
    // 47 minutes (the post-mortem, not the issue's 6 hours) and 127 minutes (issue #9): median 87 minutes.
    expect(run.dora.timeToRestore).toMatchObject({ basis: "incidents", samples: 2, medianHours: 1.45 });
  });

  it("without post-mortems, the incident issues are the incidents, and the scorecard promises nothing", async () => {
    const view = fakeView("local");
    const withIssues: ScorecardContext["view"] = {
      ...view,
      listIncidentIssues: async () => [
        {
          id: "#9",
          issue: 9,
          title: "Search slow",
          started: Date.parse("2025-10-20T10:00:00Z"),
          resolved: Date.parse("2025-10-20T12:00:00Z"),
        },
        { id: "#10", title: "Queue stuck", started: Date.parse("2025-10-21T10:00:00Z"), resolved: null },
      ],
    };
    const run = await computeScorecard(
      { view: withIssues, log: silentLogger, now: () => now },
      configFor("tags"),
      "main",
    );
    expect(run.dora.timeToRestore).toMatchObject({ basis: "incidents", samples: 1, medianHours: 2 });
    expect(run.incidentsInWindow).toBe(2);
    expect(run.scorecard.followUp).toBeUndefined();
    expect(Object.keys(run.files)).toHaveLength(2);
  });

  it("gives the same figures from a GitHub-shaped and a local-shaped view of one history", async () => {
    const online = await computeScorecard(context("github"), configFor("deployments"), "main", { explain: true });
    const offline = await computeScorecard(context("local"), configFor("tags"), "main", { explain: true });
    const comparable = (run: typeof online) => ({
      ...run.dora,
      source: undefined,
      // What a deployment is called depends on the source (a deployment id, a tag); when, not.
      lastDeployment: run.dora.lastDeployment?.time,
      deployments: run.dora.deployments.map((d) => [d.time, d.changes, d.failed, d.remediation]),
    });
    expect(comparable(online)).toEqual(comparable(offline));
    expect(online.scorecard.health).toEqual(offline.scorecard.health);
    // The figures themselves: 5 deployments in 45 days, the reverted release and the hotfixed one failed.
    expect(offline.dora.changeFailureRate).toMatchObject({ failed: 2, total: 5, rate: 0.4 });
    expect(offline.dora.deployments.filter((d) => d.failed).map((d) => d.ref)).toEqual(["v0.3.0", "v0.3.1"]);
    expect(offline.scorecard.techDebt).toMatchObject({ criticalItems: 1, totalItems: 2 });
    expect(Object.keys(offline.files)).toEqual([
      "data/engineering/engineering_scorecard.json",
      "data/engineering/scorecards/scorecard_2025-11-01.json",
    ]);
    // What either would write passes our own schema (computeScorecard no longer checks it at run time).
    for (const run of [online, offline]) {
      expect(scorecardSchema.safeParse(run.scorecard).error).toBeUndefined();
      for (const text of Object.values(run.files))
        expect(scorecardSchema.safeParse(JSON.parse(text)).success).toBe(true);
    }
  });

  it("asks the view for the history of every deployment up to now, newest first, and how far back a time walk must read", async () => {
    const requests: HistoryRequest[] = [];
    const view = fakeView("local");
    const recording = {
      ...view,
      readHistory: (request: HistoryRequest) => (requests.push(request), view.readHistory(request)),
    };
    await computeScorecard(
      { view: recording, log: silentLogger, now: () => now },
      { ...configFor("tags"), dora: { ...configFor("tags").dora, windowDays: 25 } },
      "main",
    );
    // Window 2025-10-07 .. 2025-11-01: v0.2.0 (c2) is the last deployment before it.
    expect(requests).toEqual([
      {
        tips: ["c6", "c5", "c4", "c3", "c2", "c0"].map((sha) => ({
          sha,
          time: commits.find((commit) => commit.sha === sha)!.authorTime,
        })),
        since: Date.parse("2025-10-02T10:00:00Z") - 30 * 86_400_000,
      },
    ]);
  });
});

describe("writeScorecard", () => {
  it("computes again from the new head when the branch moved, and gives up after the attempts allowed", async () => {
    const run = await computeScorecard(context("local"), configFor("tags"), "main");
    const writes: FileWrite[] = [];
    let refusals = 1;
    const publish = {
      writeFiles: async (write: FileWrite) => {
        writes.push(write);
        if (refusals-- > 0) throw new StaleBranchError(write.branch);
        return { branch: write.branch, sha: "new", paths: Object.keys(write.files) };
      },
    };
    let recomputed = 0;
    const outcome = await writeScorecard({ publish, log: silentLogger }, run, {
      mode: "push",
      branch: "main",
      botBranch: "bot",
      recompute: async () => (recomputed++, run),
    });
    expect(outcome).toMatchObject({ status: "committed", attempts: 2, sha: "new" });
    expect(recomputed).toBe(1);
    expect(writes.map((write) => write.via.kind)).toEqual(["push", "push"]);

    refusals = 5;
    await expect(
      writeScorecard({ publish, log: silentLogger }, run, {
        mode: "pull-request",
        branch: "main",
        botBranch: "bot",
        recompute: async () => run,
        maxAttempts: 2,
      }),
    ).rejects.toThrow(StaleBranchError);
    expect(
      await writeScorecard({ publish, log: silentLogger }, run, {
        mode: "none",
        branch: "main",
        botBranch: "bot",
        recompute: async () => run,
      }),
    ).toEqual({ status: "skipped", reason: "scorecard.commit is none" });
  });
});
