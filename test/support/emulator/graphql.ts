import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { buildSchema, graphql, type GraphQLSchema } from "graphql";
import { blobSha, byteSize, type CommitAuthor, type RepoState } from "./state.js";

let schema: GraphQLSchema | undefined;

/**
 * GitHub's published GraphQL schema (@octokit/graphql-schema); queries that it refuses fail here
 * too. Built on the first query (half a second of blocking work); a bench that times another
 * process's answers builds it first, so that the emulator's own start is not measured.
 */
export function githubSchema(): GraphQLSchema {
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
      byteSize: byteSize(content),
      isBinary: binary,
      text: binary ? null : content,
      oid: blobSha(content),
    };
  }
  const tree = repo.subtreeOf(commit.sha, path);
  if (!tree || tree.entries.length === 0) return null;
  const prefix = path === "" ? "" : `${path}/`;
  return {
    __typename: "Tree",
    oid: tree.sha,
    entries: tree.entries.map((entry) => ({
      name: entry.name,
      type: entry.type,
      path: `${prefix}${entry.name}`,
      oid: entry.sha,
      mode: entry.type === "tree" ? 0o40000 : 0o100644,
      size: entry.size ?? 0,
    })),
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

/** A GitActor: who wrote a commit, with the GitHub account when the author has a login. */
const gitActor = (author: CommitAuthor, date: string) => ({
  name: author.name,
  email: author.email,
  date,
  avatarUrl: `https://github.com/${encodeURIComponent(author.login ?? "ghost")}.png`,
  user: author.login
    ? {
        __typename: "User",
        login: author.login,
        id: `U_${author.login}`,
        url: `https://github.com/${encodeURIComponent(author.login)}`,
      }
    : null,
});

function commitObject(repo: RepoState, sha: string): Record<string, unknown> | null {
  const commit = repo.commits.get(sha);
  if (!commit) return null;
  const author = gitActor(commit.author, commit.date);
  return {
    __typename: "Commit",
    id: `C_${commit.sha}`,
    oid: commit.sha,
    url: `https://github.com/${repo.fullName}/commit/${commit.sha}`,
    authoredDate: commit.date,
    committedDate: commit.date,
    author,
    committer: author,
    authors: (args: { first?: number; after?: string | null }) => connection([author], args),
    tree: () => ({ oid: repo.treeShaOf(commit.sha) }),
    messageHeadline: commit.message.split("\n")[0],
    messageBody: commit.message.split("\n").slice(1).join("\n").trim(),
    parents: (args: { first?: number }) =>
      connection(
        commit.parents.map((parent) => ({ oid: parent })),
        args,
      ),
    // Like git log: everything reachable, newest first (emulated commits get increasing dates).
    history: (args: { first?: number; after?: string | null; since?: string; until?: string; path?: string }) => {
      const seen = new Set<string>();
      const stack = [commit.sha];
      while (stack.length > 0) {
        const next = stack.pop()!;
        if (seen.has(next) || !repo.commits.has(next)) continue;
        seen.add(next);
        stack.push(...repo.commits.get(next)!.parents);
      }
      const since = args.since ? Date.parse(args.since) : -Infinity;
      const until = args.until ? Date.parse(args.until) : Infinity;
      const ordered = [...seen]
        .map((oid) => repo.commits.get(oid)!)
        .filter((c) => Date.parse(c.date) >= since && Date.parse(c.date) <= until)
        // Like GitHub: with a path, only the commits that changed something at or under it (against the first parent).
        .filter((c) => args.path === undefined || changedUnder(repo, c.sha, args.path))
        .sort((a, b) => b.date.localeCompare(a.date) || b.sha.localeCompare(a.sha));
      return connection(
        ordered.map((c) => commitObject(repo, c.sha)),
        args,
      );
    },
  };
}

function changedUnder(repo: RepoState, sha: string, path: string): boolean {
  const commit = repo.commits.get(sha)!;
  const parent = commit.parents[0] ? repo.commits.get(commit.parents[0]) : undefined;
  const under = (file: string) => path === "" || file === path || file.startsWith(`${path.replace(/\/$/, "")}/`);
  const files = new Set([...commit.tree.keys(), ...(parent?.tree.keys() ?? [])]);
  return [...files].some((file) => under(file) && commit.tree.get(file) !== parent?.tree.get(file));
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
      // GitHub answers null with a NOT_FOUND error (the rest of the query still answers).
      if (!repo)
        throw new GitHubError("NOT_FOUND", `Could not resolve to a Repository with the name '${owner}/${name}'.`);
      return {
        id: `R_${repo.id}`,
        databaseId: repo.id,
        name: repo.name,
        nameWithOwner: repo.fullName,
        url: `https://github.com/${repo.fullName}`,
        isPrivate: repo.isPrivate,
        isArchived: repo.isArchived,
        isFork: repo.isFork,
        isEmpty: repo.branches.size === 0,
        owner: { __typename: "User", login: repo.owner, id: `U_${repo.owner}` },
        defaultBranchRef: () => {
          const sha = repo.branches.get(repo.defaultBranch);
          return sha ? { name: repo.defaultBranch, prefix: "refs/heads/", target: commitObject(repo, sha) } : null;
        },
        ref: ({ qualifiedName }: { qualifiedName: string }) => {
          const name = qualifiedName.replace(/^refs\/heads\//, "");
          const sha = repo.branches.get(name);
          return sha
            ? {
                name,
                prefix: "refs/heads/",
                target: commitObject(repo, sha),
                branchProtectionRule: repo.protectedBranches.has(name) ? { id: `BPR_${repo.id}_${name}` } : null,
              }
            : null;
        },
        // Like REST's alerts endpoint, a permission the default tokens lack.
        vulnerabilityAlerts: () => {
          throw new GitHubError("FORBIDDEN", "Resource not accessible by integration");
        },
        issues: (args: {
          labels?: string[];
          states?: string[];
          filterBy?: { since?: string };
          orderBy?: { field?: string; direction?: string };
          first?: number;
          after?: string | null;
        }) => {
          const since = args.filterBy?.since;
          const matching = [...repo.issues.values()]
            .filter((issue) => !args.states || args.states.includes(issue.state.toUpperCase()))
            .filter((issue) =>
              (args.labels ?? []).every((name) =>
                issue.labels.some((label) => label.toLowerCase() === name.toLowerCase()),
              ),
            )
            .filter((issue) => !since || issue.updatedAt >= since)
            .sort((a, b) =>
              args.orderBy?.field === "CREATED_AT"
                ? b.createdAt.localeCompare(a.createdAt) || b.number - a.number
                : b.updatedAt.localeCompare(a.updatedAt) || b.number - a.number,
            );
          if (args.orderBy?.direction === "ASC") matching.reverse();
          return connection(
            matching.map((issue) => ({
              number: issue.number,
              title: issue.title,
              createdAt: issue.createdAt,
              closedAt: issue.closedAt ?? null,
              stateReason: issue.stateReason ? issue.stateReason.toUpperCase() : null,
            })),
            args,
          );
        },
        issue: ({ number }: { number: number }) => {
          const issue = repo.issues.get(number);
          return issue
            ? {
                // Unique across repositories (REST's node_id of the emulator is not).
                id: `I_${repo.id}_${issue.number}`,
                number: issue.number,
                title: issue.title,
                state: issue.state.toUpperCase(),
                isPinned: repo.pinnedIssues.includes(issue.number),
              }
            : null;
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
          orderBy?: { field?: string; direction?: string };
        }) => {
          const stateOf = (pull: (typeof pulls)[number]) => repo.pullState(pull).toUpperCase();
          const pulls = [...repo.pulls.values()];
          const matching = pulls.filter(
            (pull) =>
              (!args.states || args.states.includes(stateOf(pull))) &&
              (!args.baseRefName || pull.baseRef === args.baseRefName) &&
              (!args.headRefName || pull.headRef === args.headRefName),
          );
          // CREATED_AT as asked; otherwise (UPDATED_AT) the newest merge first, as the merge readers expect.
          const ordered =
            args.orderBy?.field === "CREATED_AT"
              ? matching.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.number - b.number)
              : matching.sort((a, b) => (b.mergedAt ?? "").localeCompare(a.mergedAt ?? ""));
          if (args.orderBy?.field === "CREATED_AT" && args.orderBy.direction === "DESC") ordered.reverse();
          return connection(
            ordered.map((pull) => ({
              id: `PR_${repo.id}_${pull.number}`,
              number: pull.number,
              title: pull.title,
              body: pull.body,
              url: `https://github.com/${repo.fullName}/pull/${pull.number}`,
              state: stateOf(pull),
              // The emulator's pull requests all come from a branch of the repository itself.
              isCrossRepository: false,
              merged: Boolean(pull.mergedAt),
              closed: Boolean(pull.closedAt),
              isDraft: pull.draft,
              createdAt: pull.createdAt,
              closedAt: pull.closedAt ?? null,
              mergedAt: pull.mergedAt ?? null,
              updatedAt: pull.mergedAt ?? pull.closedAt ?? "2025-01-01T00:00:00Z",
              headRefName: pull.headRef,
              baseRefName: pull.baseRef,
              headRefOid: pull.headSha,
              author: { __typename: pull.user.endsWith("[bot]") ? "Bot" : "User", login: pull.user },
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
    // GitHub pins at most 3 issues per repository, and refuses a fourth.
    pinIssue: ({ input }: { input: { issueId: string } }) => {
      for (const repo of repos.values())
        for (const issue of repo.issues.values()) {
          if (`I_${repo.id}_${issue.number}` !== input.issueId) continue;
          if (!repo.pinnedIssues.includes(issue.number)) {
            if (repo.pinnedIssues.length >= 3) throw new Error("Cannot pin more than 3 issues in this repository.");
            repo.pinnedIssues.push(issue.number);
          }
          return { issue: { number: issue.number, isPinned: true } };
        }
      throw new Error(`Could not resolve to a node with the global id of '${input.issueId}'.`);
    },
    createPullRequest: ({
      input,
    }: {
      input: { repositoryId: string; headRefName: string; baseRefName?: string; title: string; body?: string };
    }) => {
      const repo = [...repos.values()].find((candidate) => `R_${candidate.id}` === input.repositoryId);
      // GitHub refuses a second open pull request between the same branches.
      const open = [...(repo?.pulls.values() ?? [])].find(
        (pull) =>
          pull.headRef === input.headRefName &&
          pull.baseRef === (input.baseRefName ?? repo!.defaultBranch) &&
          repo!.pullState(pull) === "open",
      );
      if (repo && open) throw new Error(`A pull request already exists for ${repo.owner}:${input.headRefName}.`);
      const pull = repo?.openPullRequestFromBranch(input.headRefName, input.title, input.body ?? "");
      if (!repo || !pull)
        throw new Error(
          `Head sha can't be blank, Base sha can't be blank, No commits between ${input.headRefName} and the base`,
        );
      return { pullRequest: { number: pull.number, url: `https://github.com/${repo.fullName}/pull/${pull.number}` } };
    },
  };
  const result = await graphql({
    schema: githubSchema(),
    source: query,
    variableValues: variables,
    rootValue: { ...rootValue, ...mutations },
  });
  // GitHub's errors carry a `type` beside the message (NOT_FOUND, FORBIDDEN…).
  return {
    ...result,
    ...(result.errors
      ? {
          errors: result.errors.map((error) => ({
            message: error.message,
            ...(error.locations ? { locations: error.locations } : {}),
            ...(error.path ? { path: error.path } : {}),
            ...(error.originalError instanceof GitHubError ? { type: error.originalError.type } : {}),
          })),
        }
      : {}),
  };
}

/** An error GitHub's GraphQL API answers with a type. */
class GitHubError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}
