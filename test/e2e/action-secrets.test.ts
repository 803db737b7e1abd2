import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { printedByRunner, runAction } from "../support/action-runner.js";
import { GitHubEmulator } from "../support/emulator/server.js";

let github: GitHubEmulator;
beforeAll(async () => {
  github = await new GitHubEmulator().start();
});
afterAll(() => github.stop());

const token = "ghs_runner_token";
/** Credentials of other shapes an error body can echo (made up). */
const others = [
  "ghp_0123456789abcdefghijABCDEFGHIJ012345",
  "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz",
  "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIxMjM0NSJ9.c2lnbmF0dXJl",
  "v1.0123456789abcdef0123456789abcdef01234567",
];

describe("the Action never prints a token GitHub's error echoes", () => {
  for (const status of [401, 422, 500])
    it(`a ${status} whose body quotes the token and others: the step fails with the error, every token masked`, async () => {
      const repo = github.addRepo(`secrets/leak-${status}`, {
        ".github/cto-copilot.yml": "debt:\n  issues: true\n",
        "data/engineering/tech_debt.json": "{}",
      });
      github.clearFaults();
      github.inject({
        path: new RegExp(`secrets/leak-${status}|graphql`),
        status,
        times: 10,
        body: {
          message: `Bad credentials for token ${token} (Authorization: Bearer ${token}); also saw ${others.join(", ")}; authorization: token sk-custom-secret-value`,
        },
      });
      const run = await runAction({
        event: "push",
        payload: { ref: "refs/heads/main", repository: { default_branch: "main", full_name: repo.fullName } },
        repository: repo.fullName,
        apiUrl: github.restUrl,
        graphqlUrl: github.graphqlUrl,
        inputs: { command: "debt-sync" },
      });
      github.clearFaults();
      expect(run.exitCode).not.toBe(0);
      // The runner is told the token is a secret, first thing.
      expect(run.stdout).toContain(`::add-mask::${token}`);
      const shown = printedByRunner(run.stdout);
      expect(shown).toMatch(/::error::.*Bad credentials for token \*\*\*/);
      for (const secret of [token, ...others, "sk-custom-secret-value"]) expect(shown).not.toContain(secret);
    }, 60_000);
});
