import { jsonFiles, type DataLayout, type FixedJsonKind } from "../schemas/data-files.js";
import { schemaUrl } from "../schemas/schema-url.js";
import { requiredAdrSections } from "../validate/rules/adr.js";
import { incidentSections } from "../validate/rules/incident.js";

/** A file `init` would create, relative to the repository root. */
export interface ScaffoldFile {
  path: string;
  content: string;
}

const json = (value: unknown) => JSON.stringify(value, null, 2) + "\n";

/**
 * The `data/engineering/` tree from the CTO Co-Pilot format, as data: every JSON file
 * valid as written (empty lists, null where nothing is known yet, "unknown" statuses), and
 * READMEs holding the ADR and post-mortem templates.
 */
export function planInit(now: Date, layout: DataLayout): ScaffoldFile[] {
  const fixed = (kind: FixedJsonKind) => `${layout.dataDir}/${jsonFiles[kind].name!}`;
  const today = now.toISOString().slice(0, 10);
  return withSchemaReferences([
    { path: fixed("tech_stack"), content: emptyTechStack(today) },
    { path: fixed("engineering_scorecard"), content: unknownScorecard(now) },
    {
      path: fixed("tech_debt"),
      content: json({
        version: "1.0",
        lastUpdated: today,
        items: [],
        summary: { critical: 0, high: 0, medium: 0, low: 0, totalEstimatedDays: null },
      }),
    },
    {
      path: fixed("infra_costs"),
      content: json({ version: "1.0", lastUpdated: today, currency: "USD", monthlyBudget: null, months: [] }),
    },
    {
      path: fixed("team"),
      content: json({
        version: "1.0",
        lastUpdated: today,
        headcount: 0,
        members: [],
        openRoles: [],
        oncall: { rotation: false },
      }),
    },
    { path: `${layout.adrs}/README.md`, content: adrReadme() },
    { path: `${layout.incidents}/README.md`, content: incidentReadme() },
    { path: `${layout.scorecards}/.gitkeep`, content: "" },
  ]);
}

/** Each JSON data file names its JSON Schema first (`$schema`), so an editor completes and checks it as it is typed. */
function withSchemaReferences(files: ScaffoldFile[]): ScaffoldFile[] {
  const schemaByName = new Map(
    Object.values(jsonFiles).flatMap((spec) => (spec.name ? [[spec.name, spec.schemaFile]] : [])),
  );
  return files.map((file) => {
    const schemaFile = schemaByName.get(file.path.slice(file.path.lastIndexOf("/") + 1));
    if (!schemaFile) return file;
    return { ...file, content: json({ $schema: schemaUrl(schemaFile), ...(JSON.parse(file.content) as object) }) };
  });
}

/** Every field present and empty, so a person sees what is left to fill. */
function emptyTechStack(today: string): string {
  return json({
    version: "1.0",
    lastUpdated: today,
    maturityStage: "foundation",
    stack: {
      frontend: { framework: "", hosting: "", notes: "" },
      backend: { language: "", framework: "", hosting: "", notes: "" },
      database: { primary: "", provider: "", notes: "" },
      infrastructure: { cloudProvider: "", keyServices: [], notes: "" },
      cicd: { pipeline: "", deploymentFrequency: "", notes: "" },
      observability: { monitoring: "", logging: "", alerting: "", notes: "" },
    },
    team: { headcount: 0, roles: [], oncallRotation: false },
    constraints: { monthlyInfraBudget: null, complianceRequirements: [], hardConstraints: [] },
    painPoints: [],
    recentDecisions: [],
  });
}

/** A scorecard before any sync: every metric unknown. */
function unknownScorecard(now: Date): string {
  const today = now.toISOString().slice(0, 10);
  const generatedAt = now.toISOString().replace(/\.\d{3}Z$/, "Z");
  const unknownMetric = { current: null, target: null, status: "unknown" };
  return json({
    generatedAt,
    syncId: `sync_${today}`,
    maturityStage: "foundation",
    health: {
      deploymentFrequency: unknownMetric,
      leadTime: unknownMetric,
      changeFailureRate: unknownMetric,
      mttr: unknownMetric,
    },
    techDebt: { criticalItems: 0, totalItems: 0, estimatedDays: null, topItem: "" },
    infrastructure: { monthlySpend: null, spendAsPercentOfRevenue: null, costPerCustomer: null, topCostDriver: "" },
    security: { complianceStatus: "", lastSecurityReview: "", openVulnerabilities: 0, status: "unknown" },
    team: { headcount: 0, openRoles: 0, attritionRisk: "low" },
  });
}

/** The ADR naming rules and template, its sections those the validator requires. */
function adrReadme(): string {
  return [
    "# Architecture Decision Records",
    "",
    "One file per significant decision, named `adr_YYYY-MM-DD_short-title.md`",
    '(`cto-copilot adr new "Title"` writes one). Status: proposed | accepted | deprecated | superseded;',
    "a superseded ADR names its successor, e.g. `superseded by adr_2026-01-10_new-choice.md`.",
    "",
    "```markdown",
    "## ADR: [Decision Title]",
    "**Status:** proposed",
    "**Date:** YYYY-MM-DD",
    "**Deciders:** [Who's involved]",
    "",
    ...[...requiredAdrSections, "Review Date"].flatMap((section) => [`### ${section}`, "", ""]),
    "```",
    "",
  ].join("\n");
}

/** The post-mortem naming rules and template, its sections those the validator checks. */
function incidentReadme(): string {
  return [
    "# Post-mortems",
    "",
    "One file per incident, named `incident_YYYY-MM-DD.md` (`incident_YYYY-MM-DD-2.md` for a second that day).",
    "Times are UTC; Duration is in minutes and must match Started and Resolved.",
    "",
    "```markdown",
    "## Incident: [Title]",
    "**Severity:** SEV1 | SEV2 | SEV3",
    "**Status:** investigating | identified | monitoring | resolved",
    "**Started:** YYYY-MM-DDTHH:MM:SSZ",
    "**Resolved:** YYYY-MM-DDTHH:MM:SSZ",
    "**Duration:** [minutes]",
    "",
    ...incidentSections.flatMap((section) => [`### ${section}`, "", ""]),
    "```",
    "",
  ].join("\n");
}
