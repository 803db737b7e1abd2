import { describe, expect, it } from "@jest/globals";
import { CommitGraph, type CommitInfo } from "../../../src/dora/commit-graph.js";

const commit = (sha: string, ...parents: string[]): CommitInfo => ({ sha, parents, authorTime: 0, subject: sha });

/** Every commit the walk from `start` takes, in the order it takes them. */
function walked(graph: CommitGraph, start: string): string[] {
  const seen: string[] = [];
  graph.walk([start], (taken) => {
    seen.push(taken.sha);
    return "take";
  });
  return seen;
}

describe("the commit graph", () => {
  // d merges c (first parent) and b; c and b both descend from a.
  const topological = [commit("d", "c", "b"), commit("c", "a"), commit("b", "a"), commit("a")];

  it("reads newest-first topological input as ranked by position, parents in the order each commit names them", () => {
    const graph = new CommitGraph(topological);
    expect(graph.orderBroken).toBe(false);
    expect(walked(graph, "d")).toEqual(["d", "b", "a", "c"]);
    expect(graph.isAncestor("a", "d")).toBe(true);
    expect(graph.isAncestor("b", "c")).toBe(false);
  });

  it("tells input with a parent before its child, and answers the same once ranked by generations", () => {
    const graph = new CommitGraph([commit("a"), commit("b", "a"), commit("c", "a"), commit("d", "c", "b")]);
    expect(graph.orderBroken).toBe(true);
    graph.useGenerations();
    expect(walked(graph, "d")).toEqual(["d", "b", "a", "c"]);
    expect(graph.isAncestor("a", "d")).toBe(true);
    expect(graph.isAncestor("b", "c")).toBe(false);
  });

  it("ends a walk at a parent outside the input, which breaks no order", () => {
    const graph = new CommitGraph([commit("c", "b"), commit("b", "not-read")]);
    expect(graph.orderBroken).toBe(false);
    expect(walked(graph, "c")).toEqual(["c", "b"]);
    expect(graph.has("not-read")).toBe(false);
  });

  it("keeps the first position of a commit listed twice", () => {
    const graph = new CommitGraph([commit("c", "b"), commit("b", "a"), commit("a"), commit("b", "a")]);
    expect(graph.indexOf("b")).toBe(1);
    expect(walked(graph, "c")).toEqual(["c", "b", "a"]);
  });
});
