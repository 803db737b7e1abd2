/** One commit of the history, as git log gives it. */
export interface CommitInfo {
  sha: string;
  parents: string[];
  /** Author time, epoch milliseconds. */
  authorTime: number;
  subject: string;
  /** The commit a revert names in its message (`This reverts commit <sha>.`), when it does; possibly abbreviated. */
  revertOf?: string;
  /** `Name <email>` (or a login) of the author, when the source gives it: release bots are told by it. */
  author?: string;
}

/** What a walk does at a commit: take it (and go on to its parents), pass through it, or stop there. */
export type WalkStep = "take" | "pass" | "stop";

/**
 * The commit history as a graph of indices (a commit's index is its position in the input),
 * walked towards ancestors. Every commit has a *rank* that is lower than each of its children's:
 * while the input is newest first in topological order (as `git log --topo-order` gives it),
 * the rank is the negated position and the input is indexed only as far as the walks reach (a
 * 90-day window over ten years of history touches a small part of it); should a parent ever
 * come before its child, ranks become generation numbers over the whole input. Walks can be
 * bounded by rank, which is how ancestry and "reachable from the deployments before the window"
 * stay cheap. Commits outside the input (history not read) end a walk on that path. Everything
 * is iterative: a million-commit line needs no deep recursion.
 */
export class CommitGraph {
  private readonly list: readonly CommitInfo[];
  private readonly index = new Map<string, number>();
  private scanned = 0;
  // Each commit's parents in the input, found on first use (in the order the commit names them):
  // the first one found in `firstParent` (-1: none; unresolved until `resolved` marks it), the
  // others (merges) in `otherParents`. Flat arrays: a walk allocates nothing per commit.
  private readonly firstParent: Int32Array;
  private readonly resolved: Uint8Array;
  private readonly otherParents = new Map<number, number[]>();
  private generation: Int32Array | undefined;
  /** Set when reading the input finds a parent before its child: positions are no ranks then. */
  orderBroken = false;
  // Per-walk visited marks, reused: a mark counts only when it carries the current walk's epoch.
  private readonly visited: Int32Array;
  private epoch = 0;
  private readonly stack: number[] = [];

  constructor(commits: readonly CommitInfo[]) {
    this.list = commits;
    this.firstParent = new Int32Array(commits.length);
    this.resolved = new Uint8Array(commits.length);
    this.visited = new Int32Array(commits.length);
  }

  get size(): number {
    return this.list.length;
  }

  /** The commit at an index. */
  at(index: number): CommitInfo {
    return this.list[index]!;
  }

  /** The index of a commit, reading the input only as far as needed (and no further than `limit`). */
  indexOf(sha: string, limit = this.list.length): number | undefined {
    const known = this.index.get(sha);
    if (known !== undefined) return known < limit ? known : undefined;
    const end = Math.min(limit, this.list.length);
    const { list, index } = this;
    // Newest first in topological order means every parent comes later: one already read breaks it.
    const checkOrder = !this.generation && !this.orderBroken;
    while (this.scanned < end) {
      const i = this.scanned++;
      const commit = list[i]!;
      if (checkOrder && !this.orderBroken) {
        const parents = commit.parents;
        for (let k = 0; k < parents.length; k++) if (index.has(parents[k]!)) this.orderBroken = true;
      }
      index.set(commit.sha, i);
      if (commit.sha === sha) return i;
    }
    return undefined;
  }

  get(sha: string): CommitInfo | undefined {
    const i = this.indexOf(sha);
    return i === undefined ? undefined : this.list[i];
  }

  has(sha: string): boolean {
    return this.indexOf(sha) !== undefined;
  }

  private sortedShas: string[] | undefined;

  /**
   * The commit a full or abbreviated sha names, when exactly one commit of the history starts
   * with it (`git revert` of an abbreviated sha, a sha quoted by hand). The sorted list of shas
   * is built once, by the first abbreviation that needs it.
   */
  resolve(sha: string): CommitInfo | undefined {
    const exact = this.get(sha);
    if (exact || sha.length >= 40 || sha.length < 7) return exact;
    const sorted = (this.sortedShas ??= this.list.map((commit) => commit.sha).sort());
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sorted[middle]! < sha) low = middle + 1;
      else high = middle;
    }
    const first = sorted[low];
    if (first === undefined || !first.startsWith(sha) || sorted[low + 1]?.startsWith(sha)) return undefined;
    return this.get(first);
  }

  /** Lower than every child's rank. */
  rank(index: number): number {
    return this.generation ? this.generation[index]! : -index;
  }

  /** True once ranks are generation numbers (the input was not topological). */
  get usesGenerations(): boolean {
    return this.generation !== undefined;
  }

  /** Finds the parents of the commit at `i` in the input, once. */
  private resolveParents(i: number): void {
    const parents = this.list[i]!.parents;
    let first = -1;
    let others: number[] | undefined;
    for (let k = 0; k < parents.length; k++) {
      const parent = this.indexOf(parents[k]!);
      if (parent === undefined) continue;
      if (first < 0) first = parent;
      else (others ??= []).push(parent);
    }
    this.firstParent[i] = first;
    if (others) this.otherParents.set(i, others);
    this.resolved[i] = 1;
  }

  /** The parents of the commit at `i` that the input holds, in the order it names them. */
  private parentsOf(i: number): number[] {
    if (this.resolved[i] === 0) this.resolveParents(i);
    const first = this.firstParent[i]!;
    if (first < 0) return [];
    const others = this.otherParents.get(i);
    return others ? [first, ...others] : [first];
  }

  /** The input is not topological: rank every commit by generation (1 + the highest parent's), iteratively. */
  useGenerations(): void {
    if (this.generation) return;
    this.indexOf("\0"); // reads the whole input
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
  }

  /**
   * Visits every commit reachable from `starts` once, asking `step` at each whether to take it,
   * pass through it, or stop there. With a `floor`, commits ranked below it are neither visited
   * nor read (nor are starts below it).
   */
  walk(starts: Iterable<string>, step: (commit: CommitInfo, index: number) => WalkStep, floor = -Infinity): void {
    const limit = this.generation || floor === -Infinity ? this.list.length : Math.max(0, -floor + 1);
    const stack = this.begin();
    for (const sha of starts) {
      const i = this.indexOf(sha, limit);
      if (i !== undefined) this.push(stack, i, floor);
    }
    const { list } = this;
    while (stack.length > 0) {
      const i = stack.pop()!;
      if (step(list[i]!, i) !== "stop") this.pushParents(stack, i, floor);
    }
  }

  /** Starts a walk: a new epoch of visited marks, and the (reused) stack, empty. */
  private begin(): number[] {
    this.epoch++;
    this.stack.length = 0;
    return this.stack;
  }

  /** Puts a commit on the walk's stack, unless it was visited or is ranked below the floor. */
  private push(stack: number[], i: number, floor: number): void {
    if (this.visited[i] === this.epoch) return;
    if (floor !== -Infinity && (this.generation ? this.generation[i]! : -i) < floor) return;
    this.visited[i] = this.epoch;
    stack.push(i);
  }

  /** Puts the parents of the commit at `i` on the walk's stack, in the order the commit names them. */
  private pushParents(stack: number[], i: number, floor: number): void {
    if (this.resolved[i] === 0) this.resolveParents(i);
    const first = this.firstParent[i]!;
    if (first < 0) return;
    this.push(stack, first, floor);
    const others = this.otherParents.get(i);
    if (others) for (let k = 0; k < others.length; k++) this.push(stack, others[k]!, floor);
  }

  /** Whether `ancestor` is reachable from `descendant` (a commit is its own ancestor), walking only commits ranked above it. */
  isAncestor(ancestor: string, descendant: string): boolean {
    const start = this.indexOf(descendant);
    const target = this.indexOf(ancestor);
    if (target === undefined || start === undefined) return false;
    if (target === start) return true;
    const floor = this.rank(target);
    const stack = this.begin();
    this.push(stack, start, floor);
    while (stack.length > 0) {
      const i = stack.pop()!;
      if (i === target) return true;
      this.pushParents(stack, i, floor);
    }
    return false;
  }
}
