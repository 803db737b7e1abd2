import { describe, expect, it } from "@jest/globals";
import { RunFailure, unreadableReason } from "../../../src/use-cases/score-organization.js";

const graphqlError = (type: string, message: string) =>
  Object.assign(new Error(`Request failed due to following response errors:\n - ${message}`), {
    errors: [{ type, message, path: ["repository"] }],
  });
const requestError = (
  status: number,
  message: string,
  url = "https://api.github.com/repos/acme/api/actions/workflows/deploy.yml/runs?per_page=100",
) => Object.assign(new Error(message), { status, request: { method: "GET", url } });

describe("why a repository was not scored, or why the run failed", () => {
  it("says what is wrong with one repository in words a reader understands", () => {
    expect(
      unreadableReason(graphqlError("NOT_FOUND", "Could not resolve to a Repository with the name 'acme/x'.")),
    ).toBe("not readable: no access, deleted or renamed");
    expect(unreadableReason(graphqlError("FORBIDDEN", "Resource not accessible by integration"))).toBe(
      "no access: Resource not accessible by integration",
    );
    // Not the first line of Octokit's message ("Request failed due to following response errors:").
    expect(unreadableReason(graphqlError("INTERNAL", "Field 'stateReason' doesn't exist on type 'Issue'"))).toBe(
      "GitHub refused a read: Field 'stateReason' doesn't exist on type 'Issue'",
    );
    expect(unreadableReason(requestError(404, "Not Found"))).toBe(
      "not found on GET /repos/acme/api/actions/workflows/deploy.yml/runs (a configured workflow or branch that does not exist, or no access)",
    );
    expect(unreadableReason(requestError(409, "Git Repository is empty."))).toBe(
      "empty: no commits on its default branch",
    );
    expect(unreadableReason(new Error("branch main not found (an empty repository has none)"))).toBe(
      "empty: no commits on its default branch",
    );
    expect(unreadableReason(new Error('dora.source "workflow-runs" needs dora.workflow'))).toBe(
      'dora.source "workflow-runs" needs dora.workflow',
    );
  });

  it("fails the run, not the repository, when the token, the rate limit or GitHub is the problem", () => {
    expect(() => unreadableReason(requestError(401, "Bad credentials"))).toThrow(RunFailure);
    expect(() => unreadableReason(requestError(502, "Server Error"))).toThrow("Server Error (HTTP 502 on GET");
    expect(() => unreadableReason(requestError(403, "You have exceeded a secondary rate limit"))).toThrow(RunFailure);
    expect(() => unreadableReason(graphqlError("RATE_LIMITED", "API rate limit exceeded"))).toThrow(RunFailure);
    expect(() => unreadableReason(new Error("GraphQL Rate Limit Exceeded"))).toThrow(RunFailure);
  });
});
