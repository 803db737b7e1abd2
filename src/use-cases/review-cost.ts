import { budgetLine, runwayMonths, type BudgetLine } from "../cost/budget.js";
import { estimateChangeCost, type ChangeCost } from "../cost/change-cost.js";
import { readInfracost } from "../cost/infracost.js";
import { planCostCheck, renderCostSection, type CostReport } from "../cost/render-cost.js";
import type { CheckRunPlan } from "../report/check-run.js";
import { readCompanyFacts } from "./company-facts.js";
import { readInfraFiles } from "./infra-files.js";
import type { CheckInput, PullRequestCheck } from "./pull-request-check.js";
import { publishCheck, type PublishOutcome } from "./publish-check.js";

export interface CostOutcome {
  /** Null when the change touches no resource that has a price or could have one (or `costs.enabled` is false). */
  cost: ChangeCost | null;
  budget: BudgetLine | null;
  report: CostReport | null;
  check: PublishOutcome | { status: "not-posted" };
  plan?: CheckRunPlan;
  /** Why the Infracost JSON was not used, when one was given. */
  notes: string[];
}

type InfracostChoice = { cost: ChangeCost } | { note: string } | undefined;

/** Infracost's JSON from the door, else from `costs.infracostPath` at the head; a problem with it is said, and the estimate used. */
async function fromInfracost(input: CheckInput): Promise<InfracostChoice> {
  const path = input.snapshot.resolved.config.costs.infracostPath;
  let given = input.infracost;
  if (!given && path) {
    const read = await input.context.view.readContents(input.pr.headSha, { files: [path] });
    const text = read.files.get(path)?.text;
    if (text == null)
      return {
        note: `The Infracost JSON ${path} (costs.infracostPath) is not in this commit: the list-price estimate is shown.`,
      };
    given = { text, origin: path };
  }
  if (!given) return undefined;
  const read = readInfracost(given.text, given.origin);
  return read.ok
    ? { cost: read.cost }
    : { note: `The Infracost JSON was not used (${read.problem}): the list-price estimate is shown.` };
}

/**
 * The monthly cost of the change against the budget, in the comment and the
 * `CTO Co-Pilot / Cost` check:
 *
 * 1. Infracost's JSON when given (its `diffTotalMonthlyCost` as it says), else the estimate of
 *    the Terraform resources added, removed or resized, from the list-price table.
 * 2. When the change moves the monthly cost: the budget line (infra_costs.json, tech_stack.json)
 *    and the runway (the CFO's forecast).
 * 3. Publish the check when there is a cost to show, or when `costs.failOverBudget` may be required.
 */
async function reviewCost(input: CheckInput): Promise<CostOutcome> {
  const { config } = input.snapshot.resolved;
  if (!config.costs.enabled)
    return { cost: null, budget: null, report: null, check: { status: "not-posted" }, notes: [] };
  const infracost = await fromInfracost(input);
  const notes = infracost && "note" in infracost ? [infracost.note] : [];
  const cost =
    infracost && "cost" in infracost
      ? infracost.cost.items.length > 0 || infracost.cost.monthlyDelta !== 0
        ? infracost.cost
        : null
      : estimateChangeCost((await readInfraFiles(input.context.view, input)).files);
  let report: CostReport | null = null;
  let budget: BudgetLine | null = null;
  if (cost) {
    // The budget matters only when the change moves the monthly cost: no read otherwise.
    const facts = cost.monthlyDelta !== 0 ? await readCompanyFacts(input.context.view, input.pr.headSha, config) : {};
    budget = cost.monthlyDelta !== 0 ? budgetLine(cost.monthlyDelta, facts) : null;
    const runway = runwayMonths(facts.forecast);
    report = {
      cost,
      budget,
      ...(runway !== undefined ? { runwayMonths: runway } : {}),
      ...(notes[0] ? { infracostNote: notes[0] } : {}),
    };
  }
  const plan = planCostCheck(input.pr.headSha, report, config.costs.failOverBudget);
  const post = cost !== null || config.costs.failOverBudget;
  const check = post
    ? await publishCheck(input.context, plan, { dryRun: input.dryRun })
    : ({ status: "not-posted" } as const);
  return { cost, budget, report, check, plan, notes };
}

/** The cost of the change: every event (the comment it feeds is rewritten on each). */
export const costCheck: PullRequestCheck<"cost", CostOutcome> = {
  key: "cost",
  run: reviewCost,
  failure: (outcome) =>
    outcome.plan?.conclusion === "failure"
      ? "the projected monthly spend exceeds the budget (costs.failOverBudget)"
      : undefined,
  section: (outcome) =>
    outcome.report
      ? {
          key: "cost",
          markdown: renderCostSection(outcome.report),
          notable: outcome.report.cost.monthlyDelta !== 0 || outcome.report.cost.unknown.length > 0,
        }
      : undefined,
};
