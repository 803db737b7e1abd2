import { githubGateway } from "../github/gateway.js";
import type { GitHubClient } from "../github/client.js";
import { drafterFromEnvironment } from "../use-cases/ai-drafter.js";
import { coreLogger, type ActionContext } from "./context.js";
import { actionOctokit } from "./octokit.js";
import { workflowRepository } from "./workflow-event.js";

// The gateway, Octokit and the drafter: loaded only by a command that talks to GitHub (see context.ts).

export { actionOctokit };

/** The use cases' ports over the workflow's repository. */
export function actionPorts(client: GitHubClient, now: Date | undefined): ActionContext {
  return {
    ...githubGateway(client, workflowRepository()),
    log: coreLogger(),
    now: () => now ?? new Date(),
    drafterFor: drafterFromEnvironment(process.env, coreLogger()),
  };
}
