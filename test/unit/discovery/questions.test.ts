import { describe, expect, it } from "@jest/globals";
import { discover } from "./fixtures/discover.js";
import { docsOnly } from "./fixtures/more-apps.js";
import { goOnEks } from "./fixtures/platform-apps.js";

const alwaysAsked = [
  "On-call rotation: exists? Who's responsible?",
  "Code review process: PR reviews, pair programming?",
  "What's slowing you down technically?",
  "What breaks most often?",
  "What's the scariest part of the codebase?",
  "Any known security or compliance gaps?",
  "Monthly infrastructure budget: $___",
  "Any regulatory requirements? (SOC2, HIPAA, PCI, etc.)",
  "Hard technical constraints? (Legacy integrations, specific vendors, etc.)",
];

describe("questions", () => {
  it("a repository that shows nothing: every stack line is asked, in the prompt's order and words", () => {
    expect(discover(docsOnly.files).questions).toEqual([
      "Frontend: framework, hosting?",
      "Backend: language, framework, hosting?",
      "Database: type, provider?",
      "Infrastructure: cloud provider, key services?",
      "CI/CD: pipeline, deployment approach?",
      "Monitoring/Observability: what exists today?",
      "Engineering headcount: how many, what roles?",
      "Deployment frequency: daily, weekly, ad-hoc?",
      ...alwaysAsked,
    ]);
  });

  it("a repository that shows most of its stack: only what is left, and what no repository tells", () => {
    const discovery = discover(goOnEks.files, {
      history: { windowDays: 90, commits: [{ name: "Jane Doe", email: "jane@acme.io" }] },
      deployments: { count: 120, windowDays: 90, source: "deployments" },
    });
    expect(discovery.questions).toEqual([
      "Frontend: framework, hosting?",
      "Engineering headcount: what roles?",
      ...alwaysAsked,
    ]);
  });
});

describe("monorepo notes", () => {
  it("Lerna, a Go workspace and Maven modules are named in the backend notes", () => {
    const discovery = discover({
      "lerna.json": JSON.stringify({ packages: ["packages/*"] }),
      "go.work": "go 1.22\nuse (\n\t./api\n\t./jobs\n)\n",
      "api/go.mod": "module api\n",
      "api/main.go": "",
      "jobs/go.mod": "module jobs\n",
      "pom.xml": "<project><modules><module>billing</module></modules></project>",
    });
    expect(discovery.techStack.stack.backend?.notes).toBe("Monorepo: Go workspace, Lerna, Maven modules.");
    expect(
      discovery.evidence.filter((item) => item.field === "stack.backend.notes").map((item) => item.reason),
    ).toEqual([
      'modules "api", "jobs" in go.work',
      'packages "packages/*" in lerna.json',
      'members "billing" in pom.xml',
    ]);
  });
});
