import type { Scorecard } from "../schemas/scorecard.js";
import { count } from "../text/plural.js";

/**
 * Stage-appropriate advice (reference/cto-copilot-prompt.txt, the stage table; here as
 * docs/stages-and-targets.md gives it): for each thing the scorecard can find below target,
 * what to do about it at each maturity stage. A three-person team is never told to adopt
 * Kubernetes; a forty-person one is not told to write bash scripts.
 */

export type Stage = Scorecard["maturityStage"];
export type MetricKey = keyof Scorecard["health"];
/** What a priority can be about: a delivery metric, security, infrastructure cost, or measuring delivery at all. */
export type Area = MetricKey | "security" | "infrastructure" | "measurement";

export const areaNames: Record<Area, string> = {
  deploymentFrequency: "deployment frequency",
  leadTime: "lead time for changes",
  changeFailureRate: "change failure rate",
  mttr: "time to restore",
  security: "security",
  infrastructure: "infrastructure cost",
  measurement: "measuring delivery",
};

/** What each stage is about (the prompt's stage table, "Focus"). */
export const stageFocus: Record<Stage, string> = {
  survival: "shipping features without over-engineering; a monolith and few processes are right",
  foundation: "basic CI/CD, monitoring, code review and written decisions (ADRs)",
  scale: "platform investment, team topology, SLOs and incident response",
  optimize: "developer productivity, platform teams and cost",
};

/**
 * Which area below target comes first at each stage (among reds, then among yellows): the
 * stage's focus first. Survival ships; foundation builds CI/CD, then monitoring, then review;
 * scale restores and contains failure; optimize makes everyone faster and cheaper.
 */
export const stageOrder: Record<Stage, Area[]> = {
  survival: [
    "deploymentFrequency",
    "leadTime",
    "measurement",
    "mttr",
    "security",
    "changeFailureRate",
    "infrastructure",
  ],
  foundation: [
    "deploymentFrequency",
    "leadTime",
    "mttr",
    "changeFailureRate",
    "measurement",
    "security",
    "infrastructure",
  ],
  scale: ["mttr", "changeFailureRate", "security", "measurement", "leadTime", "deploymentFrequency", "infrastructure"],
  optimize: [
    "leadTime",
    "deploymentFrequency",
    "infrastructure",
    "security",
    "measurement",
    "changeFailureRate",
    "mttr",
  ],
};

export interface Advice {
  title: string;
  /** Starts from the figure that calls for it. */
  why: string;
  moves: string[];
}

/** What the advice may cite: figures from the scorecard, and what tech_stack.json records. */
export interface AdviceFacts {
  stage: Stage;
  /** "7 engineers, 2 open roles". */
  team: string;
  /** A metric with its figure, target and samples. */
  figure: (key: MetricKey, options?: { verb?: boolean; status?: boolean }) => string;
  /** The p90 lead time, formatted. */
  p90?: string;
  /** Deployments in the window that failed (with the evidence). */
  failedRefs: string[];
  alerts: number;
  /** Minimum security for the stage that the repository does not show. */
  securityMissing: string[];
  source?: string;
  window?: { days: number; end: string };
  /** With no deployment in the window: the last one before it, when there was one. */
  lastRelease?: { ref: string; day: string };
  pipeline?: string;
  hosting?: string;
  monitoring?: string;
  alerting?: string;
  oncall?: boolean;
  kubernetes?: string;
  compliance: string[];
  topCostDriver: string;
  scorecard: Scorecard;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const refs = (facts: AdviceFacts) =>
  facts.failedRefs.length > 0
    ? ` (${facts.failedRefs.slice(0, 3).join(", ")}${facts.failedRefs.length > 3 ? ", …" : ""})`
    : "";

type StageAdvice = Record<Stage, (facts: AdviceFacts, figure: string) => Advice>;

const deploymentFrequency: StageAdvice = {
  survival: (f, figure) => ({
    title: "Deploy on every merge to main",
    why: `${figure}. At the survival stage (${f.team}) shipping is the product: one automated path from main to production beats any process.`,
    moves: [
      `Add a deploy job that runs on every push to main (e.g. .github/workflows/deploy.yml)${f.hosting ? ` and deploys to ${f.hosting}` : ""}; no staging environment or approval step yet.`,
    ],
  }),
  foundation: (f, figure) => ({
    title: "Automate the deploy: CI/CD from merge to production",
    why: `${figure}. At the foundation stage (${f.team}) basic CI/CD comes first: every merge to main tested and deployed without a manual step.`,
    moves: [
      `Make ${f.pipeline ?? "the CI pipeline"} deploy to production on every merge to main once the tests pass, and remove the manual release step.`,
    ],
  }),
  scale: (f, figure) => ({
    title: "Decouple deploys so each team ships on its own",
    why: `${figure}. At the scale stage (${f.team}) a shared release train or a manual gate caps how often anyone ships; platform work here pays back across teams.`,
    moves: [
      "List the gates between merge and production (release train, manual approval, shared staging) and automate or remove the slowest one for the busiest service.",
    ],
  }),
  optimize: (f, figure) => ({
    title: "Make deploying self-service for every team",
    why: `${figure}. At the optimize stage (${f.team}) developer productivity is the lever: a deploy that waits for another team is a queue.`,
    moves: [
      "Have the platform team give every service a deploy on merge, and report deployments per service per week beside this scorecard.",
    ],
  }),
};

const leadTime: StageAdvice = {
  survival: (f, figure) => ({
    title: "Ship smaller changes, merged the same day",
    why: `${figure}. At the survival stage (${f.team}) every day a change waits is a day without learning from users; the fix is smaller changes, not more process.`,
    moves: ["Keep pull requests to under a day of work, merge them the day they open, and deploy on merge."],
  }),
  foundation: (f, figure) => ({
    title: "Shorten the path from commit to production",
    why: `${figure}. At the foundation stage (${f.team}) basic CI/CD and prompt code review set the pace: a change should not wait days for a review or a release.`,
    moves: [
      `Agree on a first review within one working day, and have ${f.pipeline ?? "CI"} deploy every merge to main so a merged change waits for nothing.`,
    ],
  }),
  scale: (f, figure) => ({
    title: "Find where changes wait: review, CI or the release train",
    why: `${figure}. At the scale stage (${f.team}) long lead times come from queues between teams; measure each wait before buying platform work.`,
    moves: [
      "Split the lead time of the last changes into open → first review → merge → deploy, and set an SLO on the longest wait (e.g. first review within one working day).",
    ],
  }),
  optimize: (f, figure) => ({
    title: "Cut the wait in the delivery path",
    why: `${figure}. At the optimize stage (${f.team}) developer productivity is the focus, and lead time is what every engineer pays on every change.`,
    moves: [
      `Give CI and build speed an owner on a platform team, with the p90 lead time${f.p90 ? ` (${f.p90})` : ""} as the figure to bring down.`,
    ],
  }),
};

const changeFailureRate: StageAdvice = {
  survival: (f, figure) => ({
    title: "Add a smoke test to the deploy",
    why: `${figure}. At the survival stage (${f.team}) a full test suite can wait, but one automated check of the main user path on each deploy is cheap and catches the worst.`,
    moves: ["Add one smoke test of the main user path to the deploy job, and roll back automatically when it fails."],
  }),
  foundation: (f, figure) => ({
    title: "Catch failures before production: tests and review on every change",
    why: `${figure}. At the foundation stage (${f.team}) code review and tests in CI are the basics that keep failed deployments rare.`,
    moves: [
      `Require passing CI and one approving review before merge (branch protection on the default branch), and add a test for each failure in the window${refs(f)}.`,
    ],
  }),
  scale: (f, figure) => ({
    title: "Limit the blast radius: SLOs and progressive delivery",
    why: `${figure}. At the scale stage (${f.team}) a failed change reaches many users; an SLO says how much failure is acceptable and a canary keeps it small.`,
    moves: [
      "Define an SLO for the main user path and roll changes out behind a feature flag or a canary, so a failed change reaches few users.",
    ],
  }),
  optimize: (f, figure) => ({
    title: "Make failures cheap: automated canaries and rollback",
    why: `${figure}. At the optimize stage (${f.team}) a platform that catches and undoes a bad change by itself costs less than more review.`,
    moves: [
      `Add automated canary analysis with rollback to the deploy pipeline of the services behind the failures${refs(f)}.`,
    ],
  }),
};

const mttr: StageAdvice = {
  survival: (f, figure) => ({
    title: "Make rollback one command",
    why: `${figure}. At the survival stage (${f.team}) the cheapest way to restore is to redeploy the last good release.`,
    moves: ["Write down and try a one-command rollback (redeploy the previous release), and keep it in the README."],
  }),
  foundation: (f, figure) => ({
    title: "Restore faster: monitoring and alerts that reach a person",
    why: `${figure}. At the foundation stage (${f.team}) monitoring is a basic: what nobody notices, nobody restores${f.monitoring ? ` (tech_stack.json lists ${f.monitoring} for monitoring${f.alerting ? ` and ${f.alerting} for alerting` : ""})` : " (tech_stack.json records no monitoring)"}.`,
    moves: [
      f.alerting
        ? `Alert through ${f.alerting} on the error rate and latency of the main user path, and name who is paged.`
        : "Alert on the error rate and latency of the main user path, name who is paged, and record the tool in tech_stack.json (stack.observability.alerting).",
    ],
  }),
  scale: (f, figure) => ({
    title: "Incident response: on-call, runbooks and post-mortems",
    why: `${figure}. At the scale stage (${f.team}) incident response is part of the bar${f.oncall === false ? ", and tech_stack.json records no on-call rotation" : ""}.`,
    moves: [
      f.oncall === false
        ? "Start an on-call rotation with a runbook per critical service, then set team.oncallRotation: true in tech_stack.json."
        : "Write a runbook for each critical service, and a post-mortem (incidents/incident_YYYY-MM-DD.md) for each incident in the window.",
    ],
  }),
  optimize: (f, figure) => ({
    title: "Automate recovery where incidents repeat",
    why: `${figure}. At the optimize stage (${f.team}) the restore steps that repeat are worth automating.`,
    moves: [
      "Automate the most common recovery step (rollback, failover, scaling) of the services with the most incidents, and track time to restore per service.",
    ],
  }),
};

const metricTables: Record<MetricKey, StageAdvice> = { deploymentFrequency, leadTime, changeFailureRate, mttr };

/** The stage's missing minimum security, each as a setting to change. */
export function securityMoves(facts: AdviceFacts): string[] {
  return facts.securityMissing.flatMap((missing) =>
    /branch protection/.test(missing)
      ? [
          "Turn on branch protection for the default branch (Settings → Branches): require a pull request and passing CI.",
        ]
      : /Dependabot/.test(missing)
        ? ["Add .github/dependabot.yml so dependencies are scanned and upgrades proposed."]
        : /SECURITY\.md/.test(missing)
          ? ["Add SECURITY.md: how to report a vulnerability, and who answers."]
          : [],
  );
}

const sourceMove =
  "Set `dora.source` in .github/cto-copilot.yml to how production is deployed: `deployments` (with `dora.environment: production`) when the pipeline creates GitHub Deployments, `releases`, `tags`, `workflow-runs` (with `dora.workflow: deploy.yml`), or `merges` when every merge to main deploys.";

/** The advice for one area below target (or unmeasured) at the facts' stage. */
export function metricAdvice(facts: AdviceFacts, area: Area): Advice {
  const { stage } = facts;
  if (area === "security") {
    if (facts.alerts > 0)
      return {
        title: `Fix the ${count(facts.alerts, "open Dependabot alert")}`,
        why: `Security is red: ${count(facts.alerts, "open Dependabot alert")}${facts.securityMissing.length > 0 ? `; missing for the ${stage} stage: ${facts.securityMissing.join(", ")}` : ""}. Known vulnerabilities in dependencies are the cheapest security risk to remove, at the ${stage} stage as at any other.`,
        moves: [
          `Merge the Dependabot pull requests, or upgrade by hand, for the ${count(facts.alerts, "alert")} (Security → Dependabot), highest severity first; dismiss one only with a reason.`,
          ...securityMoves(facts),
        ],
      };
    return {
      title: `Close the ${stage} stage's minimum security gaps`,
      why: `Security is ${facts.scorecard.security.status}: missing for the ${stage} stage: ${facts.securityMissing.join(", ") || facts.scorecard.security.reason || "see the scorecard"}. These are the stage's minimum, and each is a setting or a file.`,
      moves: securityMoves(facts),
    };
  }
  if (area === "infrastructure") {
    const { infrastructure } = facts.scorecard;
    const early = stage === "survival" || stage === "foundation";
    return {
      title: "Bring infrastructure cost back within target",
      why: `Infrastructure cost is ${infrastructure.status ?? "unknown"}: ${infrastructure.reason ?? "see the scorecard"}.${early ? ` At the ${stage} stage that is money out of the runway; right-sizing comes before any re-architecture.` : ` At the ${stage} stage cost per customer should fall as usage grows.`}`,
      moves: [
        `Right-size or reserve capacity for ${infrastructure.topCostDriver ? `the top cost driver, ${infrastructure.topCostDriver}` : "the largest service in infra_costs.json"}, and record next month's spend in infra_costs.json to see the effect.`,
      ],
    };
  }
  if (area === "measurement" && facts.lastRelease && facts.window) {
    // Releases exist, none recent: a library may rightly release rarely; no cadence is advised.
    const { ref, day } = facts.lastRelease;
    return {
      title: "No release in the window: the delivery figures wait for the next one",
      why: `No deployment was found from the \`${facts.source ?? "configured"}\` source in the ${facts.window.days} days to ${facts.window.end}; the last, ${ref}, was on ${day}. A library or a tool may rightly release when it is ready, so no figure is judged until there is one.`,
      moves: [
        "To see the release cadence over a whole release cycle, widen `dora.windowDays` (e.g. 365) in .github/cto-copilot.yml.",
      ],
    };
  }
  if (area === "measurement") {
    const where =
      facts.source && facts.window
        ? `No deployment was found from the \`${facts.source}\` source in the ${facts.window.days} days to ${facts.window.end}`
        : "The scorecard has no DORA figures";
    if (stage === "survival" && !facts.pipeline)
      return {
        title: "Set up a basic deploy path, then measure it",
        why: `${where}, and tech_stack.json records no CI/CD pipeline. At the survival stage (${facts.team}) one automated deploy from main is the first piece of infrastructure worth having.`,
        moves: [
          "Add a deploy job that runs on every push to main (e.g. .github/workflows/deploy.yml); no staging environment or approval step yet.",
          "Then set `dora.source: workflow-runs` and `dora.workflow: deploy.yml` in .github/cto-copilot.yml so the scorecard counts those runs.",
        ],
      };
    return {
      title: "No deployments measured: set dora.source",
      why: `${where}, so deployment frequency, lead time, change failure rate and time to restore are all unmeasured${facts.pipeline ? `, though tech_stack.json says ${facts.pipeline} deploys` : ""}. Every delivery call in this read rests on those four figures.`,
      moves: [sourceMove],
    };
  }
  return metricTables[area][stage](facts, capitalize(facts.figure(area, { verb: true, status: true })));
}
