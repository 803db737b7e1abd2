import { describe, expect, it } from "@jest/globals";
import { debtSyncForPush, pathsOfPush, pushChangesDebtFile } from "../../../src/debt/push-rule.js";

const toMain = { ref: "refs/heads/main", defaultBranch: "main" };

describe("which pushes keep the debt issues in step", () => {
  it("only a push to the default branch that touches a file named tech_debt.json is worth reading the config for", () => {
    expect(debtSyncForPush({ ...toMain, changedPaths: ["governance/tech_debt.json"] })).toEqual({ sync: true });
    expect(debtSyncForPush({ ...toMain, changedPaths: ["src/index.ts", "tech_debt.json.bak"] })).toMatchObject({
      sync: false,
      reason: expect.stringContaining("does not change tech_debt.json"),
    });
    expect(
      debtSyncForPush({
        ref: "refs/heads/feature",
        defaultBranch: "main",
        changedPaths: ["data/engineering/tech_debt.json"],
      }),
    ).toMatchObject({ sync: false, reason: "Debt issues follow main; this push is to refs/heads/feature." });
  });

  it("a push event that does not list its files may have changed anything", () => {
    expect(debtSyncForPush({ ...toMain, changedPaths: undefined })).toEqual({ sync: true });
  });

  it("once the config is read, only the debt file where dataDir puts it counts", () => {
    const changed = pathsOfPush([{ added: ["fixtures/tech_debt.json"], modified: ["README.md"] }, { removed: ["x"] }]);
    expect(changed).toEqual(["fixtures/tech_debt.json", "README.md", "x"]);
    expect(pushChangesDebtFile(changed, "data/engineering/tech_debt.json")).toBe(false);
    expect(pushChangesDebtFile(["governance/tech_debt.json"], "governance/tech_debt.json")).toBe(true);
  });
});
