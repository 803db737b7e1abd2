import type { ContentRequest, RepositoryContents } from "../ports/repository-view.js";
import type { GitHubClient, RepoRef } from "./client.js";

interface GitObject {
  __typename: "Blob" | "Tree" | "Commit" | "Tag";
  byteSize?: number;
  isBinary?: boolean | null;
  text?: string | null;
  entries?: { name: string }[] | null;
}

/** Expressions per GraphQL query: well under GitHub's node limits, big enough for one round trip. */
const batchSize = 50;

/**
 * Reads many files and directory listings at one commit in as few GraphQL queries as
 * possible (one per 50 paths), instead of one REST call per file.
 */
export async function readRepositoryContents(
  client: GitHubClient,
  repo: RepoRef,
  ref: string,
  wanted: ContentRequest,
): Promise<RepositoryContents> {
  const requests = [
    ...(wanted.files ?? []).map((path) => ({ path, kind: "file" as const })),
    ...(wanted.directories ?? []).map((path) => ({ path, kind: "directory" as const })),
  ];
  const result: RepositoryContents = { files: new Map(), directories: new Map() };
  for (let start = 0; start < requests.length; start += batchSize) {
    const batch = requests.slice(start, start + batchSize);
    const variables: Record<string, string> = { owner: repo.owner, name: repo.repo };
    const fields = batch.map((request, index) => {
      variables[`e${index}`] = `${ref}:${request.path}`;
      return `f${index}: object(expression: $e${index}) { __typename ... on Blob { byteSize isBinary text } ... on Tree { entries { name } } }`;
    });
    const declarations = batch.map((_request, index) => `$e${index}: String!`).join(", ");
    const query = `query ReadContents($owner: String!, $name: String!, ${declarations}) { repository(owner: $owner, name: $name) { ${fields.join(" ")} } }`;
    const data = await client.graphql<{ repository: Record<string, GitObject | null> | null }>(query, variables);
    if (!data.repository) throw new Error(`repository ${repo.owner}/${repo.repo} not found`);
    batch.forEach((request, index) => {
      const object = data.repository![`f${index}`];
      if (!object) return;
      if (request.kind === "file" && object.__typename === "Blob") {
        const byteSize = object.byteSize ?? 0;
        // GitHub gives no text for a binary blob.
        result.files.set(
          request.path,
          object.isBinary || typeof object.text !== "string"
            ? { path: request.path, byteSize, text: null, unread: "binary" }
            : { path: request.path, byteSize, text: object.text },
        );
      } else if (request.kind === "directory" && object.__typename === "Tree") {
        result.directories.set(
          request.path,
          (object.entries ?? []).map((entry) => entry.name),
        );
      }
    });
  }
  return result;
}
