import { describe, expect, it } from "@jest/globals";
import type { GitHubClient } from "../../../src/github/client.js";
import { allNodes, graphqlPages, readBack, type PagedQuery } from "../../../src/github/graphql-pages.js";

type Node = { id: number; time: number };

/** A client that answers each GraphQL call with the next of `pages` (null: no repository), and records the variables. */
function scripted(pages: ({ nodes: (Node | null)[]; next: boolean } | null)[]) {
  const calls: Record<string, unknown>[] = [];
  const client = {
    graphql: async (_query: string, variables: Record<string, unknown>) => {
      calls.push(variables);
      const page = pages[calls.length - 1];
      if (page === undefined) throw new Error(`request ${calls.length} was not expected`);
      if (page === null) return { repository: null };
      const cursor = page.next ? `c${calls.length}` : null;
      return { repository: { items: { pageInfo: { hasNextPage: page.next, endCursor: cursor }, nodes: page.nodes } } };
    },
  } as unknown as GitHubClient;
  return { client, calls };
}

const paged = (missing: "error" | "end"): PagedQuery<Node> => ({
  query: "query Items($owner: String!, $name: String!, $after: String) { … }",
  variables: { owner: "acme", name: "app", extra: 1 },
  connection: (data) => (data as { repository: { items: never } | null }).repository?.items,
  missing,
});

const node = (id: number, time = id) => ({ id, time });

describe("the GraphQL pager", () => {
  it("follows each page's end cursor until there is no next page, skipping null nodes", async () => {
    const { client, calls } = scripted([
      { nodes: [node(1), null, node(2)], next: true },
      { nodes: [node(3)], next: true },
      { nodes: [node(4)], next: false },
    ]);
    const nodes = await allNodes(client, paged("error"));
    expect(nodes.map((item) => item.id)).toEqual([1, 2, 3, 4]);
    expect(calls).toEqual([
      { owner: "acme", name: "app", extra: 1, after: null },
      { owner: "acme", name: "app", extra: 1, after: "c1" },
      { owner: "acme", name: "app", extra: 1, after: "c2" },
    ]);
  });

  it("asks for no further page once the caller stops reading", async () => {
    const { client, calls } = scripted([
      { nodes: [node(1)], next: true },
      { nodes: [node(2)], next: true },
    ]);
    for await (const page of graphqlPages(client, paged("error"))) if (page[0]?.id === 1) break;
    expect(calls).toHaveLength(1);
  });

  it("names the repository when it is missing, on any page", async () => {
    const first = scripted([null]);
    await expect(allNodes(first.client, paged("error"))).rejects.toThrow("repository acme/app not found");
    const later = scripted([{ nodes: [node(1)], next: true }, null]);
    await expect(allNodes(later.client, paged("error"))).rejects.toThrow("repository acme/app not found");
  });

  it("ends quietly on a missing connection when that means nothing to read", async () => {
    const { client, calls } = scripted([{ nodes: [node(1)], next: true }, null]);
    expect(await allNodes(client, paged("end"))).toEqual([node(1)]);
    expect(calls).toHaveLength(2);
  });
});

describe("reading back to a time", () => {
  const since = 100;
  const read = {
    item: (entry: Node) => (entry.id % 10 === 0 ? undefined : { id: entry.id }),
    time: (entry: Node) => entry.time,
  };

  it("stops after the page in which an item at or before `since` was seen, keeping the whole page", async () => {
    const { client, calls } = scripted([
      { nodes: [node(1, 300), node(2, 200)], next: true },
      { nodes: [node(3, 150), node(4, 100), node(5, 50)], next: true },
      { nodes: [node(6, 20)], next: false },
    ]);
    const items = await readBack(client, paged("error"), since, read);
    expect(items.map((item) => item.id)).toEqual([1, 2, 3, 4, 5]);
    expect(calls).toHaveLength(2);
  });

  it("reads on past old nodes that are skipped, and past items whose time cannot end the read", async () => {
    const { client, calls } = scripted([
      { nodes: [node(1, 300), node(10, 50)], next: true },
      { nodes: [node(2, 40)], next: true },
      { nodes: [node(3, 30)], next: false },
    ]);
    const items = await readBack(client, paged("error"), since, {
      ...read,
      time: (entry: Node) => (entry.id === 2 ? undefined : entry.time),
    });
    expect(items.map((item) => item.id)).toEqual([1, 2, 3]);
    expect(calls).toHaveLength(3);
  });

  it("stops at the last page when nothing reaches back", async () => {
    const { client, calls } = scripted([
      { nodes: [node(1, 300)], next: true },
      { nodes: [node(2, 200)], next: false },
    ]);
    expect(await readBack(client, paged("error"), since, read)).toEqual([{ id: 1 }, { id: 2 }]);
    expect(calls).toHaveLength(2);
  });
});
