import type { TechStack } from "../schemas/tech-stack.js";

/** What the answers have to settle besides the stack: asked every time, in the discovery prompt's words. */
const teamAndProcess = [
  "On-call rotation: exists? Who's responsible?",
  "Code review process: PR reviews, pair programming?",
];
const painPoints = [
  "What's slowing you down technically?",
  "What breaks most often?",
  "What's the scariest part of the codebase?",
  "Any known security or compliance gaps?",
];
const constraints = [
  "Monthly infrastructure budget: $___",
  "Any regulatory requirements? (SOC2, HIPAA, PCI, etc.)",
  "Hard technical constraints? (Legacy integrations, specific vendors, etc.)",
];

const empty = (value: string | readonly string[] | undefined) => value === undefined || value.length === 0;

/** "Backend: framework, hosting?" for the parts of a stack line nothing in the repository filled. */
function missing(label: string, parts: [string, string | readonly string[] | undefined][]): string[] {
  const open = parts.filter(([, value]) => empty(value)).map(([name]) => name);
  return open.length === 0 ? [] : [`${label}: ${open.join(", ")}?`];
}

export interface OpenFacts {
  /** No commit history was read: the headcount (and so the stage) is not known. */
  headcountUnknown: boolean;
  /** The backend's hosting is only "Docker containers": where they run is still open. */
  containersOnly: boolean;
}

/**
 * The questions for a person, in the order of the discovery prompt: the stack lines the
 * repository left open, team and process, pain points, constraints. A stack line found in
 * full is not asked; the rest always is (no repository tells its budget or its on-call).
 */
export function questionsFor(techStack: TechStack, facts: OpenFacts): string[] {
  const { frontend, backend, database, infrastructure, cicd, observability } = techStack.stack;
  const observed: [string, string | undefined][] = [
    ["monitoring", observability?.monitoring],
    ["logging", observability?.logging],
    ["alerting", observability?.alerting],
  ];
  const unobserved = observed.filter(([, value]) => empty(value)).map(([name]) => name);
  return [
    ...missing("Frontend", [
      ["framework", frontend?.framework],
      ["hosting", frontend?.hosting],
    ]),
    ...missing("Backend", [
      ["language", backend?.language],
      ["framework", backend?.framework],
      ["hosting", backend?.hosting],
    ]),
    ...(facts.containersOnly ? ["Backend hosting: where do the containers run?"] : []),
    ...missing("Database", [
      ["type", database?.primary],
      ["provider", database?.provider],
    ]),
    ...missing("Infrastructure", [
      ["cloud provider", infrastructure?.cloudProvider],
      ["key services", infrastructure?.keyServices],
    ]),
    ...(empty(cicd?.pipeline) ? ["CI/CD: pipeline, deployment approach?"] : []),
    ...(unobserved.length === 3
      ? ["Monitoring/Observability: what exists today?"]
      : unobserved.length > 0
        ? [`Monitoring/Observability: what exists today for ${unobserved.join(", ")}?`]
        : []),
    facts.headcountUnknown ? "Engineering headcount: how many, what roles?" : "Engineering headcount: what roles?",
    ...(empty(cicd?.deploymentFrequency) ? ["Deployment frequency: daily, weekly, ad-hoc?"] : []),
    ...teamAndProcess,
    ...painPoints,
    ...constraints,
  ];
}
