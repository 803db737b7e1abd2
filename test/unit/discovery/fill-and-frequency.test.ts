import { describe, expect, it } from "@jest/globals";
import { deploymentFrequencyText } from "../../../src/discovery/deployment-frequency.js";
import { fillEmptyFields } from "../../../src/discovery/fill-empty-fields.js";
import type { TechStack } from "../../../src/schemas/tech-stack.js";
import { techStackSchema } from "../../../src/schemas/tech-stack.js";
import { discover } from "./fixtures/discover.js";
import { goOnEks } from "./fixtures/platform-apps.js";
import { nextjsOnVercel } from "./fixtures/web-apps.js";

describe("deployment frequency", () => {
  it.each([
    [{ count: 41, windowDays: 90, source: "release tags" }, "3.2 per week over 90 days (41 release tags)"],
    [{ count: 180, windowDays: 90, source: "deployments" }, "2 per day over 90 days (180 deployments)"],
    [{ count: 14, windowDays: 14, source: "merges" }, "1 per day over 14 days (14 merges)"],
    [{ count: 4, windowDays: 28, source: "releases" }, "1 per week over 28 days (4 releases)"],
    [{ count: 2, windowDays: 90, source: "workflow runs" }, "0.7 per month over 90 days (2 workflow runs)"],
    [{ count: 0, windowDays: 30, source: "deployments" }, "none over 30 days (0 deployments)"],
    [{ count: 13, windowDays: 90, source: "tags" }, "1 per week over 90 days (13 release tags)"],
    [{ count: 1, windowDays: 90, source: "workflow-runs" }, "0.3 per month over 90 days (1 workflow run)"],
  ])("%j -> %s", (deployments, text) => {
    expect(deploymentFrequencyText(deployments)).toBe(text);
  });

  it("is written from the deployments counted, with its evidence, and asked when there are none", () => {
    const deployments = { count: 41, windowDays: 90, source: "release tags" };
    const counted = discover(nextjsOnVercel.files, { deployments });
    expect(counted.techStack.stack.cicd?.deploymentFrequency).toBe("3.2 per week over 90 days (41 release tags)");
    expect(counted.evidence.find((item) => item.field === "stack.cicd.deploymentFrequency")).toEqual({
      field: "stack.cicd.deploymentFrequency",
      value: "3.2 per week over 90 days (41 release tags)",
      source: "release tags",
      reason: "41 release tags in the last 90 days",
    });
    expect(counted.questions).not.toContain("Deployment frequency: daily, weekly, ad-hoc?");
    const unknown = discover(nextjsOnVercel.files);
    expect(unknown.techStack.stack.cicd?.deploymentFrequency).toBe("");
    expect(unknown.questions).toContain("Deployment frequency: daily, weekly, ad-hoc?");
  });
});

const written: TechStack = techStackSchema.parse({
  version: "1.0",
  lastUpdated: "2025-12-01",
  maturityStage: "scale",
  stack: {
    frontend: { framework: "", hosting: "", notes: "" },
    backend: { language: "Go", framework: "", hosting: "EKS (two clusters)", notes: "Moving to Connect in Q2." },
    database: { primary: "", provider: "", notes: "" },
    infrastructure: { cloudProvider: "AWS", keyServices: [], notes: "" },
    cicd: { pipeline: "", deploymentFrequency: "daily", notes: "" },
    observability: { monitoring: "Datadog", logging: "", alerting: "" },
  },
  team: { headcount: 0, roles: [], oncallRotation: true },
  constraints: { monthlyInfraBudget: 12000, complianceRequirements: ["SOC2"], hardConstraints: [] },
  painPoints: ["Flaky integration tests"],
  recentDecisions: [],
});

describe("fillEmptyFields", () => {
  const discovered = discover(goOnEks.files, { history: { windowDays: 90, commits: [] } }).techStack;
  const withTeam = { ...discovered, team: { headcount: 14, roles: [] } };

  it("fills only the empty fields and says which, with their values", () => {
    const { merged, filled } = fillEmptyFields(written, withTeam);
    expect(filled).toEqual([
      { field: "stack.backend.framework", value: "Gin" },
      { field: "stack.database.primary", value: "PostgreSQL" },
      { field: "stack.database.provider", value: "AWS RDS" },
      { field: "stack.database.notes", value: "Also in use: Redis (Amazon ElastiCache)." },
      { field: "stack.infrastructure.keyServices", value: "RDS, ECR, EKS, ElastiCache, S3" },
      { field: "stack.infrastructure.notes", value: "Infrastructure as code: Terraform." },
      { field: "stack.cicd.pipeline", value: "GitHub Actions, Argo CD (GitOps)" },
      { field: "stack.observability.logging", value: "zap" },
      { field: "stack.observability.alerting", value: "Prometheus alert rules" },
      { field: "team.headcount", value: "14" },
    ]);
    expect(techStackSchema.safeParse(merged).success).toBe(true);
    expect(merged.lastUpdated).toBe("2026-03-02");
  });

  it("never overwrites what a person wrote", () => {
    const { merged } = fillEmptyFields(written, withTeam);
    expect(merged.stack.backend).toEqual({
      language: "Go",
      framework: "Gin",
      hosting: "EKS (two clusters)",
      notes: "Moving to Connect in Q2.",
    });
    expect(merged.stack.infrastructure?.cloudProvider).toBe("AWS");
    expect(merged.stack.cicd?.deploymentFrequency).toBe("daily");
    expect(merged.stack.observability?.monitoring).toBe("Datadog");
    expect(merged.maturityStage).toBe("scale");
    expect(merged.team).toEqual({ headcount: 14, roles: [], oncallRotation: true });
    expect(merged.constraints).toEqual(written.constraints);
    expect(merged.painPoints).toEqual(["Flaky integration tests"]);
  });

  it("keeps a headcount a person wrote, and a team with roles even at 0", () => {
    const staffed = { ...written, team: { headcount: 6, roles: ["backend"] } };
    expect(fillEmptyFields(staffed, withTeam).merged.team).toEqual({ headcount: 6, roles: ["backend"] });
    const rolesOnly = { ...written, team: { headcount: 0, roles: ["backend", "sre"] } };
    expect(fillEmptyFields(rolesOnly, withTeam).filled.map((item) => item.field)).not.toContain("team.headcount");
  });

  it("changes nothing, not even the date, when every field discovery could fill is written", () => {
    const { merged: once } = fillEmptyFields(written, withTeam);
    const again = fillEmptyFields(once, withTeam);
    expect(again.filled).toEqual([]);
    expect(again.merged).toBe(once);
    expect(fillEmptyFields(written, discover({}).techStack)).toEqual({ merged: written, filled: [] });
  });

  it("adds a stack part the person left out only when discovery found something for it", () => {
    const partial = techStackSchema.parse({
      version: "1.0",
      lastUpdated: "2025-12-01",
      maturityStage: "foundation",
      stack: {},
    });
    const { merged } = fillEmptyFields(partial, discover(nextjsOnVercel.files).techStack);
    expect(Object.keys(merged.stack)).toEqual([
      "frontend",
      "backend",
      "database",
      "infrastructure",
      "cicd",
      "observability",
    ]);
    expect(merged.stack.frontend).toEqual({ framework: "Next.js", hosting: "Vercel" });
    expect(merged.stack.observability).toEqual({ monitoring: "Sentry", alerting: "Sentry" });
    expect(techStackSchema.safeParse(merged).success).toBe(true);
  });
});
