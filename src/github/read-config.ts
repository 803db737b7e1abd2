import type { GitHubClient, RepoRef } from "./client.js";

export interface ConfigSources {
  /** The repository's own `.github/cto-copilot.yml` at the ref, if any. */
  repository?: string;
  /** The organisation default: the same path in the owner's `.github` repository, if any. */
  organization?: string;
}

/** Reads the repository config and the organisation default in one GraphQL query. */
export async function readConfigSources(client: GitHubClient, repo: RepoRef, ref: string, path: string): Promise<ConfigSources> {
  const query = `query ReadConfig($owner: String!, $name: String!, $expression: String!, $orgExpression: String!) {
    repository(owner: $owner, name: $name) { object(expression: $expression) { ... on Blob { text } } }
    organization: repository(owner: $owner, name: ".github") { object(expression: $orgExpression) { ... on Blob { text } } }
  }`;
  type Result = { repository: { object: { text?: string | null } | null } | null; organization: { object: { text?: string | null } | null } | null };
  const data = await client.graphql<Result>(query, { owner: repo.owner, name: repo.repo, expression: `${ref}:${path}`, orgExpression: `HEAD:${path}` });
  const repository = data.repository?.object?.text ?? undefined;
  const organization = repo.repo === ".github" ? undefined : (data.organization?.object?.text ?? undefined);
  return { ...(repository !== undefined ? { repository } : {}), ...(organization !== undefined ? { organization } : {}) };
}
