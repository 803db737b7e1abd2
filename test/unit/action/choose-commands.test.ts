import { describe, expect, it } from "@jest/globals";
import { chooseCommands } from "../../../src/action/main.js";

describe("the Action's command table", () => {
  it("auto runs the review on pull requests, debt then scorecard on a schedule, incidents on issue events", () => {
    expect(chooseCommands("auto", "pull_request")).toEqual(["data-check", "cost", "fit", "adr"]);
    expect(chooseCommands("auto", "pull_request_target")).toEqual(["data-check", "cost", "fit", "adr"]);
    expect(chooseCommands("auto", "schedule")).toEqual(["debt-sync", "follow-up", "scorecard"]);
    expect(chooseCommands("auto", "workflow_dispatch")).toEqual(["scorecard"]);
    expect(chooseCommands("auto", "push")).toEqual(["debt-sync", "follow-up"]);
    expect(chooseCommands("auto", "issue_comment")).toEqual(["incident"]);
    expect(chooseCommands("auto", "release")).toEqual([]);
  });

  it("a named command runs alone on any event; an unknown one is refused with the list", () => {
    expect(chooseCommands("org-merge", "workflow_dispatch")).toEqual(["org-merge"]);
    expect(() => chooseCommands("deploy", "push")).toThrow(
      'input command must be one of auto, data-check, cost, fit, adr, scorecard, debt-sync, follow-up, incident, onboard, org-plan, org-scorecard, org-merge, not "deploy"',
    );
  });
});
