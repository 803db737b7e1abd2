import type { DeploymentEvent } from "../dora/compute.js";
import type { GitHubClient } from "./client.js";

export interface Connection<T> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: (T | null)[] | null;
}

/**
 * Pages back through a newest-first GraphQL connection, 100 at a time, until an item older
 * than `since` has been seen (one is kept: the change set of the first deployment in the window needs it).
 */
export async function pageBack<T>(
  client: GitHubClient,
  query: string,
  variables: Record<string, unknown>,
  pick: (data: unknown) => Connection<T> | undefined,
  toEvent: (node: T) => DeploymentEvent | undefined,
  since: number,
  orderTime: (node: T) => number,
): Promise<DeploymentEvent[]> {
  const events: DeploymentEvent[] = [];
  let after: string | null = null;
  for (;;) {
    const connection = pick(await client.graphql(query, { ...variables, after }));
    if (!connection) throw new Error(`repository ${String(variables.owner)}/${String(variables.name)} not found`);
    let older = false;
    for (const node of connection.nodes ?? []) {
      if (!node) continue;
      const event = toEvent(node);
      if (event) events.push(event);
      if (orderTime(node) <= since && event) older = true;
    }
    if (!connection.pageInfo.hasNextPage || older) return events;
    after = connection.pageInfo.endCursor;
  }
}
