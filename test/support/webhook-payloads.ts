import { readFileSync } from "node:fs";
import type { Pull, RepoState } from "./emulator/state.js";

export interface WebhookExample {
  name: string;
  examples: Record<string, any>[];
}

/** Every recorded payload of @octokit/webhooks-examples (58 events) for api.github.com. */
export function webhookExamples(): WebhookExample[] {
  return JSON.parse(
    readFileSync(
      new URL("../../node_modules/@octokit/webhooks-examples/api.github.com/index.json", import.meta.url),
      "utf8",
    ),
  ) as WebhookExample[];
}

/** A recorded `pull_request` payload, re-pointed at an emulated repository and pull request. */
export function pullRequestPayload(
  repo: RepoState,
  pull: Pull,
  action = "opened",
  installationId = 1,
): Record<string, any> {
  const example =
    webhookExamples()
      .find((event) => event.name === "pull_request")!
      .examples.find((payload) => payload.action === action) ??
    webhookExamples().find((event) => event.name === "pull_request")!.examples[0]!;
  const payload = structuredClone(example);
  payload.action = action;
  payload.installation = { id: installationId, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==" };
  payload.repository = {
    ...payload.repository,
    id: repo.id,
    name: repo.name,
    full_name: repo.fullName,
    html_url: `https://github.com/${repo.fullName}`,
    owner: { ...payload.repository.owner, login: repo.owner },
    default_branch: repo.defaultBranch,
  };
  payload.number = pull.number;
  payload.pull_request = {
    ...payload.pull_request,
    number: pull.number,
    title: pull.title,
    body: pull.body,
    draft: pull.draft,
    user: { ...payload.pull_request.user, login: pull.user },
    requested_reviewers: [],
    labels: pull.labels.map((name, index) => ({
      id: index + 1,
      name,
      node_id: `L${index}`,
      url: "",
      color: "ededed",
      default: false,
      description: null,
    })),
    head: { ...payload.pull_request.head, sha: pull.headSha, ref: pull.headRef, repo: payload.repository },
    base: { ...payload.pull_request.base, sha: pull.baseSha, ref: pull.baseRef, repo: payload.repository },
  };
  return payload;
}
