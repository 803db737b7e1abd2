import { describe, expect, it } from "@jest/globals";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { initGitRepository, runCli, tempRepo } from "../support/cli.js";
import { MessagesApi, serveToSdk } from "../support/messages-api.js";

const api = new MessagesApi();
const key = "sk-ant-test-cli-classify";

serveToSdk(api, key);

const manifest = (dependencies: Record<string, string>) =>
  JSON.stringify({ name: "api", dependencies }, null, 2) + "\n";

/** A committed repository with AI on, and a working tree that adds a library (seen, not a decision: near the threshold). */
function repositoryAddingALibrary(config = "ai:\n  enabled: true\n"): string {
  const root = tempRepo();
  const git = initGitRepository(root);
  mkdirSync(join(root, ".github"));
  writeFileSync(join(root, ".github/cto-copilot.yml"), config);
  writeFileSync(join(root, "package.json"), manifest({ express: "^4.21.0" }));
  git("add", ".");
  git("commit", "-q", "-m", "init");
  writeFileSync(join(root, "package.json"), manifest({ express: "^4.21.0", "csv-parse": "^5.6.0" }));
  return root;
}

describe("cto-copilot adr check and review with ai.enabled and ANTHROPIC_API_KEY", () => {
  it("prints the model's classification of a near-threshold change in JSON and text; triggered follows it", async () => {
    const root = repositoryAddingALibrary();
    api.answer(
      { kind: "tool", input: { wantAdr: true, reason: "Every import now goes through a streaming CSV parser." } },
      { kind: "tool", input: { wantAdr: true, reason: "Every import now goes through a streaming CSV parser." } },
      { kind: "tool", input: { wantAdr: true, reason: "Every import now goes through a streaming CSV parser." } },
    );
    const env = { ANTHROPIC_API_KEY: key };
    const before = api.requests.length;
    const json = await runCli(["adr", "check", "--base", "HEAD", "--root", root, "--format", "json"], { env });
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(parsed).toMatchObject({
      triggered: true,
      changes: [{ file: "package.json", category: "dependencies" }],
      aiClassification: {
        status: "classified",
        wantAdr: true,
        deterministic: false,
        reason: "Every import now goes through a streaming CSV parser.",
        score: 0,
        threshold: 1,
      },
    });
    // The same object under the review's `adr` key.
    const review = await runCli(["review", "--base", "HEAD", "--root", root, "--format", "json"], { env });
    expect((JSON.parse(review.stdout) as { adr: unknown }).adr).toMatchObject({ aiClassification: { wantAdr: true } });
    const text = await runCli(["adr", "check", "--base", "HEAD", "--root", root], { env });
    expect(text.stdout).toContain(
      "Below the threshold (score 0, adr.threshold 1), but the model judged it a decision worth an ADR: Every import now goes through a streaming CSV parser (AI-classified, claude-sonnet-5-5).",
    );
    // Three runs, three classifications: the local diff went as data, and no ADR draft was asked for.
    const sent = api.requests.slice(before);
    expect(sent.map((request) => request.body.tools?.[0]?.name)).toEqual([
      "classify_adr_need",
      "classify_adr_need",
      "classify_adr_need",
    ]);
    expect(sent[0]!.body.messages[0]!.content).toContain('<data name="diff">\nfile: package.json (modified)');
  });

  it("without a key the rules' answer stands, and says the model was not used; without ai.enabled nothing is said", async () => {
    const before = api.requests.length;
    const root = repositoryAddingALibrary();
    const noKey = await runCli(["adr", "check", "--base", "HEAD", "--root", root, "--format", "json"], { env: {} });
    expect(JSON.parse(noKey.stdout)).toMatchObject({
      triggered: false,
      aiClassification: { status: "not-used", asked: false, deterministic: false },
    });
    const off = repositoryAddingALibrary("");
    const plain = await runCli(["adr", "check", "--base", "HEAD", "--root", off, "--format", "json"], {
      env: { ANTHROPIC_API_KEY: key },
    });
    expect(JSON.parse(plain.stdout)).toEqual({ triggered: false, changes: [], adrs: [] });
    expect(api.requests.length).toBe(before);
  });
});
