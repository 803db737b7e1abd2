export type DeploymentSource = "deployments" | "releases" | "tags" | "workflow-runs" | "merges";

/** A deployment as every source normalises it. */
export interface DeploymentEvent {
  /** Tag, release name, deployment id or run number: what people call it. */
  ref: string;
  sha: string;
  /** Epoch milliseconds (first success status, publish time, tag date, run end, merge time). */
  time: number;
  environment: string;
  /** The source's own verdict: failure/error marks the deployment failed. */
  status: "success" | "failure";
  /** Labels, branch or tag names that can say "hotfix". */
  markers?: string[];
  /** The source says this deployment replaced a failed one (e.g. a rollback). */
  replacesFailed?: boolean;
}

export interface IncidentEvent {
  id: string;
  title: string;
  started: number;
  resolved: number | null;
  /** The issue it was tracked in: a post-mortem and its issue are one incident, counted once. */
  issue?: number;
}
