import type { ConfigSources } from "../ports/repository-view.js";
import type { GitHubClient, RepoRef } from "./client.js";

/** Reads the repository config and the organisation default in one GraphQL query. */
export async function readConfigSources(
  client: GitHubClient,
  repo: RepoRef,
  ref: string,
  path: string,
): Promise<ConfigSources> {
  const query = `query ReadConfig($owner: String!, $name: String!, $expression: String!, $orgExpression: String!) {
    repository(owner: $owner, name: $name) { object(expression: $expression) { ... on Blob { text } } }
    organization: repository(owner: $owner, name: ".github") { object(expression: $orgExpression) { ... on Blob { text } } }
  }`;
  type Result = {
    repository: { object: { text?: string | null } | null } | null;
    organization: { object: { text?: string | null } | null } | null;
  };
  const data = await client
    .graphql<Result>(query, {
      owner: repo.owner,
      name: repo.repo,
      expression: `${ref}:${path}`,
      orgExpression: `HEAD:${path}`,
    })
    .catch((error: unknown) => {
      // Most owners have no `.github` repository: GitHub answers it null with a NOT_FOUND error.
      const { data: partial, errors } = error as { data?: Result; errors?: { path?: unknown[] }[] };
      if (partial?.repository && errors?.every((e) => e.path?.[0] === "organization")) return partial;
      throw error;
    });
  const repository = data.repository?.object?.text ?? undefined;
  const organization = repo.repo === ".github" ? undefined : (data.organization?.object?.text ?? undefined);
  return {
    ...(repository !== undefined ? { repository } : {}),
    ...(organization !== undefined ? { organization } : {}),
  };
}
