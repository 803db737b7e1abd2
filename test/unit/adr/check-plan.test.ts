import { describe, expect, it } from "@jest/globals";
import { planAdrCheck } from "../../../src/adr/check-plan.js";
import type { SeenChange } from "../../../src/adr/detect-infra-changes.js";

const seen = (file: string, decision: boolean, reason: string): SeenChange => ({
  file,
  category: "infrastructure-as-code",
  reason,
  technologies: [],
  decision,
  weight: decision ? 1 : 0,
});

describe("the ADR check run hides nothing", () => {
  it("lists the changes it did not count, with why, beside a suggestion", () => {
    const decision = seen("infra/db.tf", true, "adds aws_db_instance.orders");
    const plan = planAdrCheck("a".repeat(40), [decision], undefined, false, {
      seen: [
        decision,
        seen("infra/alarms.tf", false, "adds aws_cloudwatch_metric_alarm.cpu: supporting resources only"),
      ],
      score: 1,
      threshold: 1,
      suggested: true,
    });
    expect(plan.conclusion).toBe("neutral");
    expect(plan.summary).toContain("Also changed, not counted as decisions (1 file):");
    expect(plan.summary).toContain(
      "- `infra/alarms.tf` (Infrastructure as code): adds aws_cloudwatch_metric_alarm.cpu: supporting resources only",
    );
  });

  it("says a decision below the threshold is below it, and asks for nothing", () => {
    const decision = seen("infra/db.tf", true, "adds aws_db_instance.orders");
    const plan = planAdrCheck("a".repeat(40), [decision], undefined, false, {
      seen: [decision],
      score: 1,
      threshold: 2,
      suggested: false,
    });
    expect(plan.conclusion).toBe("success");
    expect(plan.title).toBe("ADR: below the threshold");
    expect(plan.summary).toContain("Decisions weighing 1, below `adr.threshold` 2: no ADR asked for.");
    expect(plan.summary).toContain("- `infra/db.tf` (Infrastructure as code): adds aws_db_instance.orders");
  });
});
