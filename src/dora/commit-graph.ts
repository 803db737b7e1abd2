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
 * The commit history as a graph that walks from a commit towards its ancestors. Commits are
 * indexed lazily: a walk over the last 90 days of a long history reads only that part of the
 * input, when it comes newest first (as `git log` and GitHub's history give it). Commits outside
 * the input (history not read) end a walk on that path. Walks are iterative: a million-commit
 * line needs no deep recursion.
 */
export class CommitGraph {
  private readonly list: readonly CommitInfo[];
  private readonly index = new Map<string, number>();
  private scanned = 0;
  private readonly parentCache: (Int32Array | undefined)[];
  // Per-walk visited marks, reused: a mark counts only when it carries the current walk's epoch.
  private readonly visited: Int32Array;
  private epoch = 0;
  private generation: Int32Array | undefined;

  constructor(commits: readonly CommitInfo[]) {
    this.list = commits;
    this.parentCache = new Array(commits.length);
    this.visited = new Int32Array(commits.length);
  }

  get size(): number {
    return this.list.length;
  }

  get(sha: string): CommitInfo | undefined {
    const i = this.indexOf(sha);
    return i === undefined ? undefined : this.list[i];
  }

  has(sha: string): boolean {
    return this.indexOf(sha) !== undefined;
  }

  /** Index of a commit, reading the input only as far as needed. */
  private indexOf(sha: string): number | undefined {
    const known = this.index.get(sha);
    if (known !== undefined || this.scanned >= this.list.length) return known;
    while (this.scanned < this.list.length) {
      const i = this.scanned++;
      const commit = this.list[i]!;
      this.index.set(commit.sha, i);
      if (commit.sha === sha) return i;
    }
    return undefined;
  }

  private parentsOf(i: number): Int32Array {
    let parents = this.parentCache[i];
    if (!parents) {
      const found: number[] = [];
      for (const sha of this.list[i]!.parents) {
        const parent = this.indexOf(sha);
        if (parent !== undefined) found.push(parent);
      }
      parents = Int32Array.from(found);
      this.parentCache[i] = parents;
    }
    return parents;
  }

  /**
   * Visits every commit reachable from `starts` once, asking `step` at each whether to take it,
   * pass through it, or stop there (its ancestors are then reached only by other paths).
   */
  /**
   * Whether `ancestor` is reachable from `descendant` (a commit is its own ancestor). Walks only
   * commits whose generation is at least the ancestor's, so a commit on another recent line is
   * ruled out after a few steps.
   */
  isAncestor(ancestor: string, descendant: string): boolean {
    const target = this.indexOf(ancestor);
    const start = this.indexOf(descendant);
    if (target === undefined || start === undefined) return false;
    if (target === start) return true;
    const generation = this.generations();
    const floor = generation[target]!;
    const epoch = ++this.epoch;
    const stack = [start];
    this.visited[start] = epoch;
    while (stack.length > 0) {
      const i = stack.pop()!;
      for (const parent of this.parentsOf(i)) {
        if (parent === target) return true;
        if (this.visited[parent] === epoch || generation[parent]! <= floor) continue;
        this.visited[parent] = epoch;
        stack.push(parent);
      }
    }
    return false;
  }

  /** 1 + the highest parent's generation (parents outside the input count as nothing), for every commit, once. */
  private generations(): Int32Array {
    if (this.generation) return this.generation;
    const count = this.list.length;
    const generation = new Int32Array(count);
    const stack: number[] = [];
    for (let root = 0; root < count; root++) {
      if (generation[root] !== 0) continue;
      stack.push(root);
      while (stack.length > 0) {
        const i = stack[stack.length - 1]!;
        let highest = 0;
        let pending = false;
        for (const parent of this.parentsOf(i)) {
          const g = generation[parent]!;
          if (g === 0) {
            stack.push(parent);
            pending = true;
          } else if (g > highest) highest = g;
        }
        if (pending) continue;
        generation[i] = highest + 1;
        stack.pop();
      }
    }
    this.generation = generation;
    return generation;
  }

  walk(starts: Iterable<string>, step: (commit: CommitInfo) => WalkStep): void {
    const epoch = ++this.epoch;
    const stack: number[] = [];
    for (const sha of starts) {
      const i = this.indexOf(sha);
      if (i !== undefined && this.visited[i] !== epoch) {
        this.visited[i] = epoch;
        stack.push(i);
      }
    }
    while (stack.length > 0) {
      const i = stack.pop()!;
      if (step(this.list[i]!) === "stop") continue;
      for (const parent of this.parentsOf(i)) {
        if (this.visited[parent] === epoch) continue;
        this.visited[parent] = epoch;
        stack.push(parent);
      }
    }
  }
}
