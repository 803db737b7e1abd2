import { posix } from "node:path";
import * as z from "zod";
import { globProblem } from "./glob.js";

const glob = z
  .string()
  .min(1)
  .superRefine((pattern, context) => {
    const problem = globProblem(pattern);
    if (problem) context.addIssue({ code: "custom", message: problem });
  });
const globs = z.array(glob).default([]);

/** A directory inside the repository: relative, and never climbing out of it (`../x`, `/etc`). */
const insideRepository = z
  .string()
  .min(1)
  .refine((path) => !posix.isAbsolute(path) && !/^[A-Za-z]:/.test(path) && !posix.normalize(path).split("/").includes(".."), {
    error: "must be a directory inside the repository (relative, without ..)",
  });

/** A file inside the repository: relative, and never climbing out of it. */
const fileInsideRepository = z
  .string()
  .min(1)
  .refine((path) => !posix.isAbsolute(path) && !/^[A-Za-z]:/.test(path) && !posix.normalize(path).split("/").includes(".."), {
    error: "must be a file inside the repository (relative, without ..)",
  });

const adrCategory = z
  .strictObject({
    add: globs.meta({ description: "Extra globs that count as this category." }),
    remove: globs.meta({ description: "Built-in globs to stop using for this category." }),
    weight: z.number().min(0).max(100).default(1).meta({ description: "What one decision of this category adds to the score (0: never suggest for it)." }),
  })
  .prefault({});

/** Where a change shows how to use something, tests it or documents it: never a decision of the repository. */
const adrExcludedByDefault = [
  "**/examples/**",
  "**/example/**",
  "**/test/**",
  "**/tests/**",
  // `integration-test/`, `_integration-test/`, `smoke-tests/`, `e2e/`: tests by another name.
  "**/*[_-]test/**",
  "**/*[_-]tests/**",
  "**/e2e/**",
  "**/__tests__/**",
  "**/testdata/**",
  "**/fixtures/**",
  "**/test-files/**",
  "**/*_test.go",
  "**/*.{test,spec}.*",
  "**/docs/**",
  "**/vendor/**",
  "**/third_party/**",
  "**/node_modules/**",
] as const;

export const adrCategoryNames = [
  "infrastructure-as-code",
  "containers",
  "orchestration",
  "ci-cd",
  "database",
  "dependencies",
] as const;

const doraTierThresholds = z.strictObject({
  elite: z.number().min(0),
  high: z.number().min(0),
  medium: z.number().min(0),
});

export const configSchema = z
  .strictObject({
    _extends: z.string().optional().meta({ description: "Repository whose config this one extends (Probot convention), e.g. .github." }),
    dataDir: insideRepository
      .default("data/engineering")
      .meta({ description: "Directory, relative to the repository root, that holds the engineering data files." }),
    validation: z
      .strictObject({
        maxFileSizeBytes: z.int().min(1).default(5 * 1024 * 1024).meta({ description: "Data files larger than this are refused unread." }),
        alwaysCheck: z.boolean().default(false).meta({ description: "Post the data check on every PR, even one that touches no data file." }),
        ignore: globs.meta({ description: "Globs (relative to dataDir) of files not to validate." }),
      })
      .prefault({}),
    adr: z
      .strictObject({
        directory: insideRepository.optional().meta({ description: "Where ADRs live; defaults to <dataDir>/adrs." }),
        require: z.boolean().default(false).meta({ description: "Fail the ADR check (instead of neutral) when an ADR is missing." }),
        skipLabel: z.string().min(1).default("no-adr").meta({ description: "PR label that waives the ADR suggestion." }),
        includeDrafts: z.boolean().default(false),
        reviewAfterMonths: z.int().min(1).max(60).default(6).meta({ description: "Review Date offset of drafted ADRs." }),
        minChangedLines: z.int().min(0).default(0).meta({ description: "Ignore infra changes smaller than this many changed lines." }),
        threshold: z.number().min(0).max(1000).default(1).meta({ description: "Suggest an ADR when the decisions' weights add up to at least this." }),
        report: z.enum(["decisions", "all"]).default("decisions").meta({ description: "all: also list the infrastructure changes seen that are not decisions, with why (for tuning)." }),
        zeroMinorIsMajor: z.boolean().default(false).meta({ description: "Count a 0.x minor bump (0.4 -> 0.5) of an existing dependency as a new major." }),
        ignore: globs.meta({ description: "Globs of paths never considered infrastructure." }),
        exclude: z
          .array(glob)
          .default([...adrExcludedByDefault])
          .meta({ description: "Globs of paths whose changes never count (examples, tests, fixtures, docs, vendored trees); [] counts them all." }),
        categories: z
          .strictObject(Object.fromEntries(adrCategoryNames.map((name) => [name, adrCategory])) as Record<(typeof adrCategoryNames)[number], typeof adrCategory>)
          .prefault({}),
        ai: z
          .strictObject({
            classify: z.boolean().default(true).meta({ description: "With ai.enabled: a change whose score is near adr.threshold (within adr.ai.band) is classified by the model; a clear yes or no never is, and any failure keeps the rules' answer." }),
            band: z.number().min(0).max(1000).optional().meta({ description: "How near is near: scores from adr.threshold - band up to (not including) adr.threshold + band, with an infrastructure change seen. Default: the lightest positive category weight (1 with the default weights: no decision but infrastructure seen, or exactly one decision). 0: never." }),
          })
          .prefault({})
          .meta({ description: "The model as tie-breaker of the ADR suggestion (needs ai.enabled and ANTHROPIC_API_KEY)." }),
      })
      .prefault({}),
    dora: z
      .strictObject({
        source: z.enum(["deployments", "releases", "tags", "workflow-runs", "merges"]).default("deployments"),
        environment: z.string().min(1).default("production").meta({ description: "Deployment environment (deployments source)." }),
        workflow: z.string().optional().meta({ description: "Workflow name or file (workflow-runs source)." }),
        tagPattern: glob.optional().meta({
          description: "Glob of release tags (tags source); unset: release-shaped tags (v1.2.3 or 1.2.3), pre-releases excluded.",
        }),
        windowDays: z.int().min(1).max(3650).default(90),
        hotfixPattern: z.string().min(1).default("hotfix").meta({ description: "Case-insensitive word that marks a hotfix: as a commit type (hotfix:, hotfix(scope):, [hotfix], a merged hotfix/ branch), or anywhere in a tag, PR label or branch." }),
        tiers: z
          .strictObject({
            deploymentsPerWeek: doraTierThresholds.optional().meta({ description: "Minimum perWeek for elite, high, medium." }),
            leadTimeHours: doraTierThresholds.optional().meta({ description: "Maximum median hours (exclusive) for elite, high, medium." }),
            changeFailureRate: doraTierThresholds.optional().meta({ description: "Maximum rate (inclusive) for elite, high, medium." }),
            timeToRestoreHours: doraTierThresholds.optional().meta({ description: "Maximum median hours (exclusive) for elite, high, medium." }),
          })
          .prefault({}),
        services: z
          .array(
            z.strictObject({
              name: z.string().min(1).regex(/^[\w@./-]+$/, "a service name is letters, digits and @ . / _ - (it is given to --service)"),
              paths: z.array(glob).min(1).meta({ description: "Globs of the files that are the service's, e.g. packages/core/**." }),
              tagPattern: glob.optional().meta({
                description: "Glob of the service's release tags (tags and releases sources), e.g. core@*; unset: every deployment of the source.",
              }),
            }),
          )
          .default([])
          .refine((services) => new Set(services.map((service) => service.name)).size === services.length, "two services have the same name")
          .meta({
            description:
              "Services of a monorepo, each with its own figures beside the repository's: its deployments are its tags, its changes only the commits touching its paths. `cto-copilot init --discover` proposes them.",
          }),
      })
      .prefault({}),
    scorecard: z
      .strictObject({
        commit: z.enum(["pull-request", "push", "none"]).default("pull-request"),
        branch: z.string().min(1).default("cto-copilot/scorecard"),
        targets: z
          .strictObject({
            deploymentFrequency: z.enum(["elite", "high", "medium", "low"]).default("high"),
            leadTime: z.enum(["elite", "high", "medium", "low"]).default("high"),
            changeFailureRate: z.enum(["elite", "high", "medium", "low"]).default("high"),
            mttr: z.enum(["elite", "high", "medium", "low"]).default("high"),
          })
          .prefault({}),
      })
      .prefault({}),
    debt: z
      .strictObject({
        issues: z.boolean().default(false).meta({ description: "Keep one GitHub issue per open debt item in step with tech_debt.json." }),
        label: z.string().min(1).default("tech-debt").meta({ description: "The label every debt issue carries." }),
        labelPrefixes: z
          .strictObject({
            priority: z.string().min(1).default("priority:"),
            quadrant: z.string().min(1).default("quadrant:"),
            impact: z.string().min(1).default("impact:"),
          })
          .prefault({})
          .meta({ description: "Prefixes of the priority, quadrant and impact labels, e.g. priority:high." }),
        removed: z.enum(["close", "leave-open"]).default("close").meta({ description: "The issue of an item removed from the file: closed as not planned, or left open." }),
        backSync: z.enum(["off", "pull-request"]).default("off").meta({
          description: "Issues closed by hand while their item is open: with pull-request, one pull request (updated by later runs) sets their resolvedAt and fixes the summary.",
        }),
        backSyncBranch: z.string().min(1).default("cto-copilot/debt-back-sync"),
        maxCreatesPerRun: z.int().min(1).max(100).default(20).meta({ description: "Issues created per run at most (GitHub limits content creation); the rest on later runs." }),
      })
      .prefault({}),
    incidents: z
      .strictObject({
        label: z.string().min(1).default("incident").meta({ description: "Issues with this label are incidents: they get a live status comment, and a post-mortem pull request when closed as completed." }),
        severityLabels: z
          .strictObject({
            SEV1: z.string().min(1).default("sev1"),
            SEV2: z.string().min(1).default("sev2"),
            SEV3: z.string().min(1).default("sev3"),
          })
          .prefault({})
          .meta({ description: "The label that sets each severity (matched without regard to case)." }),
        statusLabels: z
          .strictObject({
            investigating: z.string().min(1).default("investigating"),
            identified: z.string().min(1).default("identified"),
            monitoring: z.string().min(1).default("monitoring"),
            resolved: z.string().min(1).default("resolved"),
          })
          .prefault({})
          .meta({ description: "The label that sets each status; each change is a timeline entry." }),
        postMortems: z.enum(["pull-request", "off"]).default("pull-request").meta({
          description: "On close as completed, open (or update) one pull request adding the post-mortem under incidents/.",
        }),
      })
      .prefault({}),
    followUp: z
      .strictObject({
        issues: z.boolean().default(false).meta({ description: "Open one issue per open row of a post-mortem's Action Items table, and one reminder per accepted ADR past its review date; close them as the files settle them (docs/follow-up.md)." }),
        label: z.string().min(1).default("action-item").meta({ description: "The label of action-item issues, beside incidents.label." }),
        reviewLabel: z.string().min(1).default("adr-review").meta({ description: "The label of ADR review reminders." }),
        backSync: z.enum(["off", "pull-request"]).default("pull-request").meta({ description: "An action-item issue closed by hand while its row is open: with pull-request, one pull request (updated by later runs) ticks the rows." }),
        backSyncBranch: z.string().min(1).default("cto-copilot/follow-up-back-sync"),
        maxCreatesPerRun: z.int().min(1).max(100).default(20).meta({ description: "Issues created per run at most (GitHub limits content creation); the rest on later runs." }),
      })
      .prefault({}),
    sync: z
      .strictObject({
        issue: z.boolean().default(false).meta({ description: "Keep one pinned issue with the CTO sync read (situation, priority, trade-off, next moves), edited in place by each scorecard run." }),
        title: z.string().min(1).max(256).default("Engineering sync").meta({ description: "The sync issue's title." }),
        label: z.string().min(1).max(50).default("engineering-sync").meta({ description: "The label the sync issue carries (with a hidden marker, how it is found again)." }),
      })
      .prefault({})
      .meta({ description: "The CTO sync read: always in the scorecard's job summary; with issue: true, also in one pinned issue." }),
    ai: z
      .strictObject({
        enabled: z.boolean().default(false).meta({ description: "Draft with a model (Anthropic) where a deterministic draft exists: the ADR draft, the post-mortem narrative, the CTO sync read; and let it decide an ADR suggestion near the threshold (adr.ai). Also needs ANTHROPIC_API_KEY." }),
        model: z.string().min(1).default("claude-sonnet-5-5").meta({ description: "Anthropic model name." }),
        maxInputChars: z.int().min(1_000).max(200_000).default(24_000).meta({ description: "Characters of material sent per draft at most (the rest is cut, and the model told so)." }),
        maxOutputTokens: z.int().min(256).max(8_192).default(1_500).meta({ description: "Tokens the model may write per draft." }),
        timeoutSeconds: z.int().min(5).max(120).default(25).meta({ description: "One request's timeout; with one retry a draft ends within about twice this, then the deterministic draft is used." }),
      })
      .prefault({}),
    costs: z
      .strictObject({
        enabled: z.boolean().default(true).meta({ description: "Show the monthly cost of the infrastructure a pull request adds, removes or resizes, against the budget (the comment and the CTO Co-Pilot / Cost check)." }),
        infracostPath: fileInsideRepository.optional().meta({ description: "Infracost JSON in the repository at the pull request's head (infracost diff --format json), used instead of the list-price estimate. The Action's infracost-json input and the CLI's --infracost come first." }),
        failOverBudget: z.boolean().default(false).meta({ description: "Fail the Cost check (instead of neutral) when the projected monthly spend exceeds the budget." }),
      })
      .prefault({})
      .meta({ description: "The cost of a change: Infracost's JSON when given, else an estimate from the list-price table (docs/cost-and-fit.md)." }),
    fit: z
      .strictObject({
        enabled: z.boolean().default(true).meta({ description: "Question a change that adopts something above the company's stage, or removes an item of the security minimum (the comment and the CTO Co-Pilot / Stage fit check)." }),
      })
      .prefault({}),
    onboarding: z
      .union([
        z.boolean().meta({ description: "false: never open the onboarding pull request here (true: the defaults)." }),
        z.strictObject({
          enabled: z.boolean().default(true).meta({ description: "Open one \"Set up CTO Co-Pilot\" pull request when the App is installed on a repository without tech_stack.json." }),
          scorecardWorkflow: z.boolean().default(false).meta({ description: "Also add .github/workflows/cto-copilot-scorecard.yml (the weekly scorecard) in that pull request." }),
          branch: z.string().min(1).default("cto-copilot/onboarding"),
        }),
      ])
      .default(true)
      .meta({ description: "The onboarding pull request: false opts out (set it in the organisation's .github repository to opt every repository out)." }),
  })
  .meta({ title: "CTO Co-Pilot configuration", description: "Repository configuration (.github/cto-copilot.yml)." });

export type Config = z.output<typeof configSchema>;

/**
 * How a config is parsed: without zod's compiled fast path, which pays off over many values but
 * costs a config, parsed once per run, more to compile (about 0.1 s of every command) than to run.
 */
export const configParsing = { jitless: true } as const;

/** The configuration a repository gets when it has no config file. */
export function defaultConfig(): Config {
  return configSchema.parse({}, configParsing);
}

/** The onboarding settings, whichever of the two forms the config used. */
export function onboardingOf(config: Config): { enabled: boolean; scorecardWorkflow: boolean; branch: string } {
  const defaults = { enabled: true, scorecardWorkflow: false, branch: "cto-copilot/onboarding" };
  return typeof config.onboarding === "boolean" ? { ...defaults, enabled: config.onboarding } : config.onboarding;
}

/** Where the data directory and the ADRs are, read from a config (data-layout.ts: no schema needed to ask). */
export { adrDirectoryOf, dataDirOf } from "./data-layout.js";
