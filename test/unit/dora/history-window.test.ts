import { describe, expect, it } from "@jest/globals";
import { historyNeeded } from "../../../src/dora/history-window.js";
import { day, deploy, now } from "./events.js";

const window = { start: now - 30 * day, end: now };

describe("historyNeeded: the history a scorecard reads and the change sets rest on", () => {
  it("reads every deployed commit once, newest first, back to 30 days before the last deployment ahead of the window", () => {
    const deployments = [
      deploy("v3", "c3", now - 5 * day),
      deploy("v1", "c1", now - 60 * day),
      deploy("v2", "c2", now - 40 * day),
      deploy("v2-again", "c2", now - 10 * day),
    ];
    const needed = historyNeeded(deployments, window)!;
    expect(needed.tips).toEqual([
      { sha: "c3", time: now - 5 * day },
      { sha: "c2", time: now - 10 * day },
      { sha: "c1", time: now - 60 * day },
    ]);
    expect(needed.since).toBe(now - 40 * day - 30 * day);
    expect(needed.earlier.map((deployment) => deployment.ref)).toEqual(["v1", "v2"]);
    expect(needed.inWindow.map((deployment) => deployment.ref)).toEqual(["v2-again", "v3"]);
  });

  it("counts the first deployment the source knows as shipped before, even in the window, and reads from 30 days before the window", () => {
    const needed = historyNeeded([deploy("v2", "c2", now - 2 * day), deploy("v1", "c1", now - 20 * day)], window)!;
    expect(needed.earlier.map((deployment) => deployment.ref)).toEqual(["v1"]);
    expect(needed.inWindow.map((deployment) => deployment.ref)).toEqual(["v2"]);
    expect(needed.since).toBe(window.start - 30 * day);
  });

  it("needs no history when no successful deployment falls in the window", () => {
    expect(historyNeeded([], window)).toBeNull();
    expect(
      historyNeeded(
        [
          deploy("old", "c1", now - 90 * day),
          deploy("broken", "c2", now - day, { status: "failure" }),
          deploy("tomorrow", "c3", now + day),
        ],
        window,
      ),
    ).toBeNull();
  });

  it("ignores failed deployments and those after now: they are no tips and do not move how far back the read goes", () => {
    const needed = historyNeeded(
      [
        deploy("v1", "c1", now - 50 * day),
        deploy("v2", "c2", now - 35 * day, { status: "failure" }),
        deploy("v3", "c3", now - 3 * day),
        deploy("v4", "c4", now + day),
      ],
      window,
    )!;
    expect(needed.tips.map((tip) => tip.sha)).toEqual(["c3", "c1"]);
    expect(needed.since).toBe(now - 50 * day - 30 * day);
  });

  it("at the window's edges: a deployment exactly at its start is before it, one exactly at now is in it", () => {
    const needed = historyNeeded([deploy("edge", "c1", window.start), deploy("now", "c2", now)], window)!;
    expect(needed.earlier.map((deployment) => deployment.ref)).toEqual(["edge"]);
    expect(needed.inWindow.map((deployment) => deployment.ref)).toEqual(["now"]);
    expect(needed.since).toBe(window.start - 30 * day);
  });
});
