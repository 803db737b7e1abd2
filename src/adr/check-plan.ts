import type { CheckRunPlan } from "../report/check-run.js";
import { categoryLabels } from "./categories.js";
import type { InfraChange } from "./detect-infra-changes.js";
import { renderResolved, type AdrResolution } from "./render-comment.js";

const adrCheckName = "CTO Co-Pilot / ADR";

/**
 * The `CTO Co-Pilot / ADR` check: neutral while an ADR is suggested (failure under
 * `adr.require`, so branch protection can enforce it), success once resolved or not needed.
 */
export function planAdrCheck(
  headSha: string,
  changes: readonly InfraChange[],
  resolution: AdrResolution | undefined,
  required: boolean,
): CheckRunPlan {
  const needed = changes.length > 0 && !resolution;
  const categories = [...new Set(changes.map((change) => categoryLabels[change.category]))];
  return {
    name: adrCheckName,
    headSha,
    conclusion: needed ? (required ? "failure" : "neutral") : "success",
    title: needed
      ? `ADR suggested: ${categories.join(", ")}`
      : resolution
        ? "ADR: resolved"
        : "No infrastructure change",
    summary: needed
      ? `This pull request changes infrastructure (${changes.length} file${changes.length === 1 ? "" : "s"}: ${categories.join(", ")}). See the pull request comment for the files, related decisions and a draft ADR.${required ? "\n\nThis repository requires an ADR for such changes (`adr.require: true`)." : ""}`
      : resolution
        ? renderResolved(resolution)
        : "No file in this pull request counts as an infrastructure change.",
    annotations: [],
  };
}
