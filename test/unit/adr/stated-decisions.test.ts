import { describe, expect, it } from "@jest/globals";
import {
  statedDecisions,
  statedTechnologies,
  statementWords,
  type StatementEvidenceFile,
} from "../../../src/adr/stated-decisions.js";

const everyPath = () => true;

describe("decisions a change states of itself", () => {
  it("reads the words of a title without its commit type, tag, issue reference or pull-request number", () => {
    expect(statementWords("feat(k3s)!: install kube-vip for HA (#12)")).toBe("install kube-vip for HA");
    expect(statementWords("Feature/migrate from Yarn 1 to npm (#3601)")).toBe("migrate from Yarn 1 to npm");
    expect(statementWords("[Compose] Update to Docker Compose v2")).toBe("Update to Docker Compose v2");
    expect(statementWords("Closes #19: Use sidekiq\nbody text")).toBe("Use sidekiq");
  });

  it("tells what is brought in from what is taken out, by the verb", () => {
    expect(statedTechnologies("switch dev environment from Vagrant to k3d")).toEqual({
      adopted: ["k3d"],
      dropped: ["vagrant"],
    });
    expect(statedTechnologies("Replace Ehcache with Redis for the cache")).toEqual({
      adopted: ["redis"],
      dropped: ["ehcache"],
    });
    expect(statedTechnologies("chore: remove Braintree billing")).toEqual({ adopted: [], dropped: ["braintree"] });
    expect(statedTechnologies("use sidekiq")).toEqual({ adopted: ["sidekiq"], dropped: [] });
    // Names outside the lexicon, and titles without a decision verb, state nothing.
    expect(statedTechnologies("use format_html in the admin")).toEqual({ adopted: [], dropped: [] });
    expect(statedTechnologies("Fix Redis timeout on reconnect")).toEqual({ adopted: [], dropped: [] });
    // What an adopting verb is for or where is not what it adopts; a tool's configuration is not the tool.
    expect(statedTechnologies("use the scheduler as a proxy for NATS")).toEqual({ adopted: [], dropped: [] });
    expect(statedTechnologies("Set up flow logs for EKS")).toEqual({ adopted: [], dropped: [] });
    expect(statedTechnologies("migrate to Prisma configuration file")).toEqual({ adopted: [], dropped: [] });
    expect(statedTechnologies("deploy Harbor on the second cluster")).toEqual({ adopted: ["harbor"], dropped: [] });
    // Negated verbs adopt nothing; "instead of" names what goes; each clause is read on its own.
    expect(statedTechnologies("Don't use Redis in development")).toEqual({ adopted: [], dropped: [] });
    expect(statedTechnologies("stop using MongoDB for sessions")).toEqual({ adopted: [], dropped: [] });
    expect(statedTechnologies("Use Postgres instead of MySQL")).toEqual({ adopted: ["postgres"], dropped: ["mysql"] });
    expect(statedTechnologies("Fix the timeout when using Redis; migrate to Postgres")).toEqual({
      adopted: ["postgres"],
      dropped: [],
    });
    expect(statedTechnologies("Log a warning when using Redis")).toEqual({ adopted: [], dropped: [] });
  });

  it("counts a statement only when the files bear it out: new to the change, or gone from it", () => {
    const gemfile: StatementEvidenceFile = {
      path: "Gemfile",
      status: "modified",
      patch: '@@ -1,2 +1,3 @@\n source "https://rubygems.org"\n gem "rails"\n+gem "sidekiq"',
      before: 'source "https://rubygems.org"\ngem "rails"\n',
    };
    expect(statedDecisions(["use sidekiq for background jobs"], [gemfile], everyPath)).toEqual([
      {
        file: "Gemfile",
        category: "database",
        technology: "sidekiq",
        reason: 'the change says "use sidekiq for background jobs" and brings sidekiq into Gemfile',
      },
    ]);
    // A file known only by its patch: three lines of context cannot say the name was nowhere before.
    const { before: _unread, ...patchOnly } = gemfile;
    expect(statedDecisions(["use sidekiq for background jobs"], [patchOnly], everyPath)).toEqual([]);
    // Already there before (a context line): the title describes a use of something decided long ago.
    const already = { ...gemfile, patch: '@@ -1,2 +1,3 @@\n gem "sidekiq"\n+gem "sidekiq-cron"' };
    expect(statedDecisions(["use sidekiq for the nightly jobs"], [already], everyPath)).toEqual([]);
    // Named by the title, absent from the diff.
    expect(
      statedDecisions(["use sidekiq"], [{ path: "app/jobs/a.rb", status: "modified", patch: "+x" }], everyPath),
    ).toEqual([]);
  });

  it("reads removals and new folders, and never the files that only document or test", () => {
    const pom: StatementEvidenceFile = {
      path: "pom.xml",
      status: "modified",
      patch: "@@ -10,3 +10,0 @@\n-<artifactId>ehcache</artifactId>",
      before: "<project><artifactId>ehcache</artifactId></project>",
      after: "<project></project>",
    };
    expect(statedDecisions(["Remove ehcache (at least for now)"], [pom], everyPath)[0]?.reason).toBe(
      'the change says "Remove ehcache (at least for now)" and takes ehcache out of pom.xml',
    );
    const role: StatementEvidenceFile = { path: "roles/cilium/tasks/main.yml", status: "added", patch: "+- name: x" };
    expect(statedDecisions(["install Cilium"], [role], everyPath)[0]).toMatchObject({
      category: "orchestration",
      reason: 'the change says "install Cilium" and adds roles/cilium/tasks/main.yml',
    });
    const docs: StatementEvidenceFile = { path: "docs/cilium.md", status: "added", patch: "+Cilium" };
    expect(statedDecisions(["install Cilium"], [docs], everyPath)).toEqual([]);
    // Source code bears nothing out, by its imports or by its name: one module says nothing of the project.
    const router: StatementEvidenceFile = { path: "src/trpc/stats.ts", status: "removed", patch: "-import { trpc }" };
    expect(statedDecisions(["Convert the stats from tRPC to a server read"], [router], everyPath)).toEqual([]);
    // Nor does an ignore file.
    const ignore: StatementEvidenceFile = { path: ".dockerignore", status: "modified", patch: "+.uv-cache" };
    expect(statedDecisions(["Switch to uv"], [ignore], everyPath)).toEqual([]);
    // A long statement is quoted short.
    const long = `install Cilium ${"and much more ".repeat(10)}`;
    expect(statedDecisions([long], [role], everyPath)[0]!.reason).toMatch(
      /^the change says "install Cilium and .{50,}…" and adds/,
    );
    // Paths the configuration excludes (examples, tests) bear nothing out either.
    expect(statedDecisions(["install Cilium"], [role], (file) => !file.path.startsWith("roles/"))).toEqual([]);
  });
});
