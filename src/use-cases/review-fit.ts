import { assessFit, needsStage, type FitAssessment } from "../fit/assess-fit.js";
import { planFitCheck, renderFitSection } from "../fit/render-fit.js";
import { knownStage, stackText, type KnownStage } from "../fit/stage.js";
import type { CheckRunPlan } from "../report/check-run.js";
import { readCompanyFacts } from "./company-facts.js";
import { readInfraFiles } from "./infra-files.js";
import type { CheckInput, PullRequestCheck } from "./pull-request-check.js";
import { publishCheck, type PublishOutcome } from "./publish-check.js";

export interface FitOutcome {
  fit: FitAssessment;
  stage: KnownStage;
  check: PublishOutcome | { status: "not-posted" };
  plan?: CheckRunPlan;
}

/**
 * Does the change fit the company's stage, and keep the security minimum? In the comment and the
 * `CTO Co-Pilot / Stage fit` check:
 *
 * 1. Read the infrastructure files (shared with the cost and the ADR suggestion).
 * 2. Read the stage (tech_stack.json maturityStage, else the headcount) and what the stack already runs.
 * 3. Ask one question per adoption above the stage, and per item of the security minimum removed.
 * 4. Publish the check when there is a concern.
 */
async function reviewFit(input: CheckInput): Promise<FitOutcome> {
  const { config } = input.snapshot.resolved;
  const empty: FitAssessment = { stage: null, concerns: [], selfHosted: [] };
  if (!config.fit.enabled) return { fit: empty, stage: { stage: null }, check: { status: "not-posted" } };
  const { files } = await readInfraFiles(input.context.view, input);
  // Nothing adopted and nothing removed from the security minimum: no concern, and no need to read the stage.
  if (!needsStage(files)) return { fit: empty, stage: { stage: null }, check: { status: "not-posted" } };
  const facts = await readCompanyFacts(input.context.view, input.pr.headSha, config);
  const stage = knownStage(facts.techStack, facts.team);
  const fit = assessFit(files, stage, stackText(facts.techStack));
  if (fit.concerns.length === 0) return { fit, stage, check: { status: "not-posted" } };
  const plan = planFitCheck(input.pr.headSha, fit, stage);
  const check = await publishCheck(input.context, plan, { dryRun: input.dryRun });
  return { fit, stage, check, plan };
}

/** The stage fit and the security minimum: every event (the comment it feeds is rewritten on each). */
export const fitCheck: PullRequestCheck<"fit", FitOutcome> = {
  key: "fit",
  run: reviewFit,
  failure: () => undefined,
  section: (outcome) =>
    outcome.fit.concerns.length > 0 || outcome.fit.selfHosted.length > 0
      ? {
          key: "fit",
          markdown: outcome.fit.concerns.length > 0 ? renderFitSection(outcome.fit, outcome.stage) : "",
          notable: outcome.fit.concerns.length > 0,
          buyOptions: outcome.fit.selfHosted.map(({ component, managed, source }) => ({ component, managed, source })),
        }
      : undefined,
};
