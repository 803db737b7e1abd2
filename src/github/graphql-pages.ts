import type { GitHubClient } from "./client.js";

/**
 * The one GraphQL pager: every reader that follows `endCursor` goes through here, so the way a
 * cursor is followed and when reading stops are written once. Each page is one plain
 * `client.graphql` call, so the organisation scorecard's batcher (graphql-batcher.ts) merges
 * pages as it merges any query. (@octokit/plugin-paginate-graphql would hang `paginate` off an
 * Octokit's own `graphql`, which the batcher replaces, and it reads every page before answering.)
 */

/** A connection as our queries ask for it: `pageInfo { hasNextPage endCursor }` and `nodes`. */
export interface Connection<T> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: (T | null)[] | null;
}

export interface PagedQuery<T> {
  /** A query that takes the cursor as `$after: String`. */
  query: string;
  /** Its other variables; `owner` and `name` are the repository's, which an error names. */
  variables: { owner: string; name: string } & Record<string, unknown>;
  /** The connection in a response; null or undefined when something it hangs from is missing. */
  connection: (data: unknown) => Connection<T> | null | undefined;
  /**
   * What a missing connection means: the repository is not there (an error), or the pages are
   * over (a branch or commit that is not a history: nothing to read).
   */
  missing: "error" | "end";
}

/**
 * The nodes of a connection, one page at a time. The next page is asked for only when the
 * caller reads on: a caller that has what it needs leaves its `for await`, and no request is
 * made for the page after.
 */
export async function* graphqlPages<T>(client: GitHubClient, paged: PagedQuery<T>): AsyncGenerator<T[], void> {
  const { owner, name } = paged.variables;
  let after: string | null = null;
  for (;;) {
    const connection = paged.connection(await client.graphql<unknown>(paged.query, { ...paged.variables, after }));
    if (!connection) {
      if (paged.missing === "end") return;
      throw new Error(`repository ${owner}/${name} not found`);
    }
    yield (connection.nodes ?? []).filter((node): node is T => node !== null);
    if (!connection.pageInfo.hasNextPage) return;
    after = connection.pageInfo.endCursor;
  }
}

/** Every node of a connection, all pages read. */
export async function allNodes<T>(client: GitHubClient, paged: PagedQuery<T>): Promise<T[]> {
  const nodes: T[] = [];
  for await (const page of graphqlPages(client, paged)) nodes.push(...page);
  return nodes;
}

export interface ReadBack<T, I> {
  /** What a node is read as; undefined to skip it. */
  item: (node: T) => I | undefined;
  /** The time that decides whether an item reaches back to `since`; undefined when it cannot. */
  time: (node: T, item: I) => number | undefined;
}

/**
 * The items of a newest-first connection, read back until the page in which an item at or
 * before `since` was seen. That item and the rest of its page are kept: the change set of the
 * first deployment in the window needs the one before it.
 */
export async function readBack<T, I>(
  client: GitHubClient,
  paged: PagedQuery<T>,
  since: number,
  read: ReadBack<T, I>,
): Promise<I[]> {
  const items: I[] = [];
  for await (const page of graphqlPages(client, paged)) {
    let reached = false;
    for (const node of page) {
      const item = read.item(node);
      if (item === undefined) continue;
      items.push(item);
      const time = read.time(node, item);
      if (time !== undefined && time <= since) reached = true;
    }
    if (reached) break;
  }
  return items;
}
