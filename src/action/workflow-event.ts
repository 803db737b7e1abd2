import { readFileSync } from "node:fs";

/** What the Action reads of a webhook payload's repository. */
interface PayloadRepository {
  name?: string;
  owner?: { login?: string };
  default_branch?: string;
  html_url?: string;
}

/** The event that started the workflow, as the runner describes it in its environment. */
export interface WorkflowEvent {
  /** GITHUB_EVENT_NAME: `push`, `pull_request`, `schedule`… */
  name: string;
  /** The webhook payload the runner wrote to GITHUB_EVENT_PATH (`{}` when there is none). */
  payload: { repository?: PayloadRepository; [key: string]: unknown };
}

// Read here rather than through @actions/github's context: importing that package loads Octokit
// and an HTTP stack, which an event with nothing to do must not pay for.
let event: WorkflowEvent | undefined;

/** The workflow's event, read once. */
export function workflowEvent(): WorkflowEvent {
  if (event) return event;
  const path = process.env.GITHUB_EVENT_PATH;
  let payload: WorkflowEvent["payload"] = {};
  if (path) {
    try {
      payload = JSON.parse(readFileSync(path, "utf8")) as WorkflowEvent["payload"];
    } catch (error) {
      // A runner always writes the file; outside one, a missing file means "no payload".
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  event = { name: process.env.GITHUB_EVENT_NAME ?? "", payload };
  return event;
}

/** The repository the workflow runs in: GITHUB_REPOSITORY, else the payload's repository. */
export function workflowRepository(): { owner: string; repo: string } {
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? "").split("/");
  if (owner && repo) return { owner, repo };
  const { repository } = workflowEvent().payload;
  if (repository?.owner?.login && repository.name) return { owner: repository.owner.login, repo: repository.name };
  throw new Error("GITHUB_REPOSITORY is not set (owner/name): run the Action in a workflow");
}
