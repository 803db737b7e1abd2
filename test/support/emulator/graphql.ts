import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { buildSchema, graphql, type GraphQLSchema } from "graphql";
import type { FileContent, RepoState } from "./state.js";

let schema: GraphQLSchema | undefined;

/** GitHub's published GraphQL schema (@octokit/graphql-schema); queries that it refuses fail here too. */
function githubSchema(): GraphQLSchema {
  if (!schema) {
    const sdl = readFileSync(
      new URL("../../../node_modules/@octokit/graphql-schema/schema.graphql", import.meta.url),
      "utf8",
    );
    // The published SDL declares one field twice; GitHub's server accepts it, so skip SDL validation.
    schema = buildSchema(sdl, { assumeValidSDL: true });
  }
  return schema;
}

const gitOid = (text: string) => createHash("sha1").update(text).digest("hex");

const byteLength = (content: FileContent) =>
  typeof content === "string" ? Buffer.byteLength(content) : content.length;

function gitObject(repo: RepoState, expression: string): Record<string, unknown> | null {
  const colon = expression.indexOf(":");
  if (colon < 0) return null;
  const commit = repo.resolve(expression.slice(0, colon));
  if (!commit) return null;
  const path = expression.slice(colon + 1).replace(/\/$/, "");
  const content = commit.tree.get(path);
  if (content !== undefined) {
    const binary = typeof content !== "string";
    return {
      __typename: "Blob",
      byteSize: byteLength(content),
      isBinary: binary,
      text: binary ? null : content,
      oid: "0".repeat(40),
    };
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
  return {
    __typename: "Tree",
    entries: [...names].sort().map(([name, type]) => ({ name, type, path: `${prefix}${name}`, oid: "0".repeat(40) })),
  };
}

/** A connection page over `items` with an index cursor, as GitHub's connections look. */
function connection<T>(items: T[], args: { first?: number; after?: string | null }) {
  const start = args.after ? Number(Buffer.from(args.after, "base64").toString("utf8")) + 1 : 0;
  const first = Math.min(100, args.first ?? 100);
  const nodes = items.slice(start, start + first);
  const last = start + nodes.length - 1;
  return {
    totalCount: items.length,
    nodes,
    pageInfo: {
      hasNextPage: last < items.length - 1,
      endCursor: nodes.length > 0 ? Buffer.from(String(last)).toString("base64") : null,
      hasPreviousPage: start > 0,
      startCursor: null,
    },
  };
}

function commitObject(repo: RepoState, sha: string): Record<string, unknown> | null {
  const commit = repo.commits.get(sha);
  if (!commit) return null;
  return {
    __typename: "Commit",
    oid: commit.sha,
    authoredDate: commit.date,
    committedDate: commit.date,
    messageHeadline: commit.message.split("\n")[0],
    messageBody: commit.message.split("\n").slice(1).join("\n").trim(),
    parents: (args: { first?: number }) =>
      connection(
        commit.parents.map((parent) => ({ oid: parent })),
        args,
      ),
    // Like git log: everything reachable, newest first (emulated commits get increasing dates).
    history: (args: { first?: number; after?: string | null; since?: string }) => {
      const seen = new Set<string>();
      const stack = [commit.sha];
      while (stack.length > 0) {
        const next = stack.pop()!;
        if (seen.has(next) || !repo.commits.has(next)) continue;
        seen.add(next);
        stack.push(...repo.commits.get(next)!.parents);
      }
      const since = args.since ? Date.parse(args.since) : -Infinity;
      const ordered = [...seen]
        .map((oid) => repo.commits.get(oid)!)
        .filter((c) => Date.parse(c.date) >= since)
        .sort((a, b) => b.date.localeCompare(a.date) || b.sha.localeCompare(a.sha));
      return connection(
        ordered.map((c) => commitObject(repo, c.sha)),
        args,
      );
    },
  };
}

/** Executes a GraphQL request against the emulator's repositories. */
export async function executeGraphql(
  repos: Map<string, RepoState>,
  query: string,
  variables: Record<string, unknown> | undefined,
) {
  const rootValue = {
    repository: ({ owner, name }: { owner: string; name: string }) => {
      const repo = repos.get(`${owner}/${name}`.toLowerCase());
      if (!repo) return null;
      return {
        id: `R_${repo.id}`,
        name: repo.name,
        ref: ({ qualifiedName }: { qualifiedName: string }) => {
          const sha = repo.branches.get(qualifiedName.replace(/^refs\/heads\//, ""));
          return sha ? { name: qualifiedName, target: commitObject(repo, sha) } : null;
        },
        object: ({ expression, oid }: { expression?: string; oid?: string }) =>
          oid ? commitObject(repo, oid) : expression ? gitObject(repo, expression) : null,
        releases: (args: { first?: number; after?: string | null }) => {
          const ordered = [...repo.releases].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
          return connection(
            ordered.map((release) => {
              const sha = repo.tags.get(release.tagName)?.sha ?? repo.resolve(release.targetCommitish)?.sha;
              return {
                tagName: release.tagName,
                name: release.name,
                isDraft: release.draft,
                isPrerelease: release.prerelease,
                publishedAt: release.publishedAt,
                tagCommit: sha ? commitObject(repo, sha) : null,
              };
            }),
            args,
          );
        },
        refs: (args: { refPrefix: string; first?: number; after?: string | null }) => {
          if (args.refPrefix !== "refs/tags/") return connection([], args);
          const dateOf = (tag: { sha: string; taggerDate?: string }) =>
            tag.taggerDate ?? repo.commits.get(tag.sha)!.date;
          const ordered = [...repo.tags].sort((a, b) => dateOf(b[1]).localeCompare(dateOf(a[1])));
          return connection(
            ordered.map(([name, tag]) => ({
              name,
              target: tag.taggerDate
                ? {
                    __typename: "Tag",
                    oid: gitOid(`tag:${name}`),
                    tagger: { date: tag.taggerDate },
                    target: commitObject(repo, tag.sha),
                  }
                : commitObject(repo, tag.sha),
            })),
            args,
          );
        },
        pullRequests: (args: {
          states?: string[];
          baseRefName?: string;
          headRefName?: string;
          first?: number;
          after?: string | null;
        }) => {
          const merged = [...repo.pulls.values()].filter(
            (pull) =>
              (!args.states || args.states.includes(pull.mergedAt ? "MERGED" : "OPEN")) &&
              (!args.baseRefName || pull.baseRef === args.baseRefName) &&
              (!args.headRefName || pull.headRef === args.headRefName),
          );
          const ordered = merged.sort((a, b) => (b.mergedAt ?? "").localeCompare(a.mergedAt ?? ""));
          return connection(
            ordered.map((pull) => ({
              number: pull.number,
              url: `https://github.com/${repo.fullName}/pull/${pull.number}`,
              mergedAt: pull.mergedAt ?? null,
              updatedAt: pull.mergedAt ?? "2025-01-01T00:00:00Z",
              headRefName: pull.headRef,
              mergeCommit: pull.mergeSha ? commitObject(repo, pull.mergeSha) : null,
              labels: (labelArgs: { first?: number }) =>
                connection(
                  pull.labels.map((name) => ({ name })),
                  labelArgs,
                ),
            })),
            args,
          );
        },
        deployments: (args: {
          environments?: string[];
          first?: number;
          after?: string | null;
          orderBy?: { direction?: string };
        }) => {
          const matching = repo.deployments.filter(
            (deployment) => !args.environments || args.environments.includes(deployment.environment),
          );
          const ordered = [...matching].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
          if (args.orderBy?.direction !== "ASC") ordered.reverse();
          return connection(
            ordered.map((deployment) => ({
              databaseId: deployment.id,
              commitOid: deployment.sha,
              createdAt: deployment.createdAt,
              environment: deployment.environment,
              statuses: (statusArgs: { first?: number }) =>
                connection(
                  deployment.statuses.map((status) => ({
                    state: status.state.toUpperCase(),
                    createdAt: status.createdAt,
                  })),
                  statusArgs,
                ),
            })),
            args,
          );
        },
      };
    },
  };
  const mutations = {
    createPullRequest: ({
      input,
    }: {
      input: { repositoryId: string; headRefName: string; title: string; body?: string };
    }) => {
      const repo = [...repos.values()].find((candidate) => `R_${candidate.id}` === input.repositoryId);
      const pull = repo?.openPullRequestFromBranch(input.headRefName, input.title, input.body ?? "");
      if (!repo || !pull)
        throw new Error(
          `Head sha can't be blank, Base sha can't be blank, No commits between ${input.headRefName} and the base`,
        );
      return { pullRequest: { number: pull.number, url: `https://github.com/${repo.fullName}/pull/${pull.number}` } };
    },
  };
  return graphql({
    schema: githubSchema(),
    source: query,
    variableValues: variables,
    rootValue: { ...rootValue, ...mutations },
  });
}
