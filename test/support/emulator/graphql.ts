import { readFileSync } from "node:fs";
import { buildSchema, graphql, type GraphQLSchema } from "graphql";
import type { FileContent, RepoState } from "./state.js";

let schema: GraphQLSchema | undefined;

/** GitHub's published GraphQL schema (@octokit/graphql-schema); queries that it refuses fail here too. */
function githubSchema(): GraphQLSchema {
  if (!schema) {
    const sdl = readFileSync(new URL("../../../node_modules/@octokit/graphql-schema/schema.graphql", import.meta.url), "utf8");
    // The published SDL declares one field twice; GitHub's server accepts it, so skip SDL validation.
    schema = buildSchema(sdl, { assumeValidSDL: true });
  }
  return schema;
}

const byteLength = (content: FileContent) => (typeof content === "string" ? Buffer.byteLength(content) : content.length);

function gitObject(repo: RepoState, expression: string): Record<string, unknown> | null {
  const colon = expression.indexOf(":");
  if (colon < 0) return null;
  const commit = repo.resolve(expression.slice(0, colon));
  if (!commit) return null;
  const path = expression.slice(colon + 1).replace(/\/$/, "");
  const content = commit.tree.get(path);
  if (content !== undefined) {
    const binary = typeof content !== "string";
    return { __typename: "Blob", byteSize: byteLength(content), isBinary: binary, text: binary ? null : content, oid: "0".repeat(40) };
  }
  const prefix = path === "" ? "" : `${path}/`;
  const names = new Map<string, string>();
  for (const file of commit.tree.keys()) {
    if (!file.startsWith(prefix)) continue;
    const rest = file.slice(prefix.length);
    const slash = rest.indexOf("/");
    names.set(slash < 0 ? rest : rest.slice(0, slash), slash < 0 ? "blob" : "tree");
  }
  if (names.size === 0) return null;
  return { __typename: "Tree", entries: [...names].sort().map(([name, type]) => ({ name, type, path: `${prefix}${name}`, oid: "0".repeat(40) })) };
}

/** Executes a GraphQL request against the emulator's repositories. */
export async function executeGraphql(repos: Map<string, RepoState>, query: string, variables: Record<string, unknown> | undefined) {
  const rootValue = {
    repository: ({ owner, name }: { owner: string; name: string }) => {
      const repo = repos.get(`${owner}/${name}`.toLowerCase());
      if (!repo) return null;
      return { name: repo.name, object: ({ expression }: { expression: string }) => gitObject(repo, expression) };
    },
  };
  return graphql({ schema: githubSchema(), source: query, variableValues: variables, rootValue });
}
