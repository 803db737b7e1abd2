/** One commit of the history, as git log gives it. */
export interface CommitInfo {
  sha: string;
  parents: string[];
  /** Author time, epoch milliseconds. */
  authorTime: number;
  subject: string;
  /** The commit a revert names in its message (`This reverts commit <sha>.`), when it does. */
  revertOf?: string;
}

/** What a walk does at a commit: take it (and go on to its parents), pass through it, or stop there. */
export type WalkStep = "take" | "pass" | "stop";

/**
 * The commit history as a graph of indices (a commit's index is its position in the input):
 * parents as one flat array, walks towards ancestors, and ancestry answered with generation
 * numbers. Commits outside the input (history not read) end a walk on that path. Everything is
 * iterative: a million-commit line needs no deep recursion.
 */
export class CommitGraph {
  private readonly list: readonly CommitInfo[];
  private index: Map<string, number> | undefined;
  /** Parents of commit i: parents[offsets[i]] .. parents[offsets[i + 1] - 1]. */
  private offsets = new Int32Array(0);
  private parents = new Int32Array(0);
  private generation: Int32Array | undefined;
  // Per-walk visited marks, reused: a mark counts only when it carries the current walk's epoch.
  private visited = new Int32Array(0);
  private epoch = 0;

  constructor(commits: readonly CommitInfo[]) {
    this.list = commits;
  }

  get size(): number {
    return this.list.length;
  }

  /** The commit at an index. */
  at(index: number): CommitInfo {
    return this.list[index]!;
  }

  /** The index of a commit, or undefined when it is not in the input. */
  indexOf(sha: string): number | undefined {
    return this.built().get(sha);
  }

  get(sha: string): CommitInfo | undefined {
    const i = this.indexOf(sha);
    return i === undefined ? undefined : this.list[i];
  }

  has(sha: string): boolean {
    return this.indexOf(sha) !== undefined;
  }

  private built(): Map<string, number> {
    if (this.index) return this.index;
    const count = this.list.length;
    const index = new Map<string, number>();
    let parentCount = 0;
    for (let i = 0; i < count; i++) {
      const commit = this.list[i]!;
      index.set(commit.sha, i);
      parentCount += commit.parents.length;
    }
    const offsets = new Int32Array(count + 1);
    const parents = new Int32Array(parentCount);
    let next = 0;
    for (let i = 0; i < count; i++) {
      offsets[i] = next;
      for (const sha of this.list[i]!.parents) {
        const parent = index.get(sha);
        if (parent !== undefined) parents[next++] = parent;
      }
    }
    offsets[count] = next;
    this.offsets = offsets;
    this.parents = parents;
    this.visited = new Int32Array(count);
    this.index = index;
    return index;
  }

  /**
   * Visits every commit reachable from `starts` once, asking `step` at each whether to take it,
   * pass through it, or stop there (its ancestors are then reached only by other paths).
   */
  walk(starts: Iterable<string>, step: (commit: CommitInfo, index: number) => WalkStep): void {
    const index = this.built();
    const { offsets, parents, visited } = this;
    const epoch = ++this.epoch;
    const stack: number[] = [];
    for (const sha of starts) {
      const i = index.get(sha);
      if (i !== undefined && visited[i] !== epoch) {
        visited[i] = epoch;
        stack.push(i);
      }
    }
    while (stack.length > 0) {
      const i = stack.pop()!;
      if (step(this.list[i]!, i) === "stop") continue;
      for (let p = offsets[i]!; p < offsets[i + 1]!; p++) {
        const parent = parents[p]!;
        if (visited[parent] === epoch) continue;
        visited[parent] = epoch;
        stack.push(parent);
      }
    }
  }

  /**
   * Whether `ancestor` is reachable from `descendant` (a commit is its own ancestor). Walks only
   * commits whose generation is above the ancestor's, so a commit on another recent line is
   * ruled out after a few steps.
   */
  isAncestor(ancestor: string, descendant: string): boolean {
    const target = this.indexOf(ancestor);
    const start = this.indexOf(descendant);
    if (target === undefined || start === undefined) return false;
    if (target === start) return true;
    const generation = this.generations();
    const floor = generation[target]!;
    const { offsets, parents, visited } = this;
    const epoch = ++this.epoch;
    const stack = [start];
    visited[start] = epoch;
    while (stack.length > 0) {
      const i = stack.pop()!;
      for (let p = offsets[i]!; p < offsets[i + 1]!; p++) {
        const parent = parents[p]!;
        if (parent === target) return true;
        if (visited[parent] === epoch || generation[parent]! <= floor) continue;
        visited[parent] = epoch;
        stack.push(parent);
      }
    }
    return false;
  }

  /** 1 + the highest parent's generation (parents outside the input count as nothing), for every commit, once. */
  private generations(): Int32Array {
    if (this.generation) return this.generation;
    this.built();
    const { offsets, parents } = this;
    const count = this.list.length;
    const generation = new Int32Array(count);
    // Newest first in topological order (as git log --topo-order gives it): every parent comes
    // later, so one pass from the end numbers them all.
    let topological = true;
    for (let p = 0, i = 0; i < count && topological; i++)
      for (p = offsets[i]!; p < offsets[i + 1]!; p++) if (parents[p]! <= i) topological = false;
    if (topological) {
      for (let i = count - 1; i >= 0; i--) {
        let highest = 0;
        for (let p = offsets[i]!; p < offsets[i + 1]!; p++) highest = Math.max(highest, generation[parents[p]!]!);
        generation[i] = highest + 1;
      }
    } else {
      const stack: number[] = [];
      for (let root = 0; root < count; root++) {
        if (generation[root] !== 0) continue;
        stack.push(root);
        while (stack.length > 0) {
          const i = stack[stack.length - 1]!;
          let highest = 0;
          let pending = false;
          for (let p = offsets[i]!; p < offsets[i + 1]!; p++) {
            const g = generation[parents[p]!]!;
            if (g === 0) {
              stack.push(parents[p]!);
              pending = true;
            } else if (g > highest) highest = g;
          }
          if (pending) continue;
          generation[i] = highest + 1;
          stack.pop();
        }
      }
    }
    this.generation = generation;
    return generation;
  }
}
