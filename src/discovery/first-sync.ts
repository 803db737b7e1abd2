import type { Discovery, Evidence } from "./discover.js";
import { codeSpan, escapeInline } from "../markdown/escape.js";
import { count } from "../text/plural.js";

/** How each discovered field reads to a person, in the order of the prompt's "Current Stack". */
const fieldLabels: Record<string, string> = {
  "stack.frontend.framework": "Frontend framework",
  "stack.frontend.notes": "Frontend notes",
  "stack.frontend.hosting": "Frontend hosting",
  "stack.backend.language": "Backend language",
  "stack.backend.framework": "Backend framework",
  "stack.backend.hosting": "Backend hosting",
  "stack.backend.notes": "Backend notes",
  "stack.database.primary": "Database",
  "stack.database.provider": "Database provider",
  "stack.database.notes": "Other databases",
  "stack.infrastructure.cloudProvider": "Cloud provider",
  "stack.infrastructure.keyServices": "Key services",
  "stack.infrastructure.notes": "Infrastructure notes",
  "stack.cicd.pipeline": "CI/CD",
  "stack.cicd.deploymentFrequency": "Deployment frequency",
  "stack.observability.monitoring": "Monitoring",
  "stack.observability.logging": "Logging",
  "stack.observability.alerting": "Alerting",
  "team.headcount": "Engineering headcount",
  "team.codeOwners": "Code owners",
  maturityStage: "Stage",
};

export const labelOf = (field: string) => fieldLabels[field] ?? field;

/** Evidence grouped by field, fields in the prompt's order (unknown ones last, in their own order). */
export function evidenceByField(evidence: readonly Evidence[]): [string, Evidence[]][] {
  const order = Object.keys(fieldLabels);
  const groups = new Map<string, Evidence[]>();
  for (const item of evidence) groups.set(item.field, [...(groups.get(item.field) ?? []), item]);
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  return [...groups].sort(([a], [b]) => rank(a) - rank(b));
}

/** What was looked at, for the reader to weigh the findings. */
export interface DiscoveryScope {
  files: number;
  evidenceFiles: number;
  commits: number;
  windowDays: number;
  notes: readonly string[];
}

/**
 * The first CTO sync as markdown (the onboarding pull request's body, the Action's summary):
 * the stack found with its evidence, the stage read, and what only people can answer as a
 * checklist. Everything from the repository's files is untrusted text: escaped, so a package
 * name can carry no mention, link or HTML.
 */
export function renderFirstSyncMarkdown(
  discovery: Discovery,
  scope: DiscoveryScope,
  options: { files?: readonly string[]; dataDir: string },
): string {
  const lines = [
    "## First CTO sync",
    "",
    `CTO Co-Pilot mapped the technical landscape from this repository: ${count(scope.files, "file")} listed, ${count(scope.evidenceFiles, "file")} read, ${count(scope.commits, "commit")} of the last ${scope.windowDays} days. Each value says where it came from; correct anything that is wrong before merging.`,
    "",
    "| | Found | Evidence |",
    "|---|---|---|",
  ];
  for (const [field, items] of evidenceByField(discovery.evidence)) {
    if (field === "maturityStage") continue;
    const values = [...new Set(items.map((item) => item.value))].map((value) => escapeInline(value)).join(", ");
    const sources = items
      .map((item) => `${codeSpan(item.source, { inTable: true })}: ${escapeInline(item.reason)}`)
      .join("<br>");
    lines.push(`| ${labelOf(field)} | ${values} | ${sources} |`);
  }
  const stage = discovery.evidence.find((item) => item.field === "maturityStage");
  lines.push(
    "",
    `**Stage:** ${escapeInline(discovery.techStack.maturityStage)}${stage ? ` (${escapeInline(stage.reason)})` : ""}`,
  );
  if (scope.notes.length > 0) lines.push("", ...scope.notes.map((note) => `> ${escapeInline(note)}`));
  lines.push(
    "",
    "### What the repository cannot tell",
    "",
    "Gaps tell as much as answers. Answer in the files (or in a comment), and the next sync starts from them:",
    "",
    ...discovery.questions.map((question) => `- [ ] ${escapeInline(question)}`),
  );
  if (options.files && options.files.length > 0)
    lines.push(
      "",
      "### What this pull request adds",
      "",
      ...options.files.map((file) => `- ${codeSpan(file)}`),
      "",
      `Merge it to start: pull requests that change \`${options.dataDir}/\` are checked, and infrastructure changes get an ADR suggestion. Close it to decline: CTO Co-Pilot will not ask again (installing the App again, or the Action's \`onboard\` command, asks again; \`onboarding: false\` in the config opts out for good).`,
    );
  return lines.join("\n") + "\n";
}
