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
 * the rank is the negated position; should a parent ever come before its child, ranks become
 * generation numbers over the whole input. Walks can be bounded by rank, which is how ancestry
 * and "reachable from the deployments before the window" stay cheap. Commits outside the input
 * (history not read) end a walk on that path. Everything is iterative: a million-commit line
 * needs no deep recursion.
 *
 * The index and every commit's parents are found once, up front, in one plain loop (indexAll): a
 * short-lived command spent more (in the optimising compiler, too) on finding them lazily, walk by
 * walk, than on finding them all.
 */
export class CommitGraph {
  private readonly list: readonly CommitInfo[];
  private readonly index = new Map<string, number>();
  // Each commit's parents in the input, in the order the commit names them: the first in
  // `firstParent` (-1: none), the others (merges) in `otherParents`. Flat: a walk allocates nothing per commit.
  private readonly firstParent: Int32Array;
  private readonly otherParents = new Map<number, number[]>();
  private generation: Int32Array | undefined;
  /** Set when the input has a parent before its child: positions are no ranks then. */
  readonly orderBroken: boolean;
  // Per-walk visited marks, reused: a mark counts only when it carries the current walk's epoch.
  private readonly visited: Int32Array;
  private epoch = 0;
  private readonly stack: number[] = [];

  constructor(commits: readonly CommitInfo[]) {
    this.list = commits;
    this.firstParent = new Int32Array(commits.length).fill(-1);
    this.visited = new Int32Array(commits.length);
    this.orderBroken = this.indexAll();
  }

  /**
   * Indexes every commit and finds its parents in one loop from the oldest end: in topological
   * order every parent comes after its children, so it is indexed by the time they ask for it.
   * A commit with a parent not indexed yet (outside the input, or before its child) is asked
   * again once all are indexed. True when a parent comes before its child (the input is not
   * topological). A sha listed twice keeps its first position (every commit is then asked again).
   */
  private indexAll(): boolean {
    const { list, index, firstParent } = this;
    const later: number[] = [];
    let duplicates = false;
    // One plain loop, no call inside: a helper called per commit was compiled by the optimising
    // compiler on its own and again inside the loop. Merges (a few in a hundred) wait for the end.
    for (let i = list.length - 1; i >= 0; i--) {
      const commit = list[i]!;
      const parents = commit.parents;
      if (parents.length === 1) {
        const parent = index.get(parents[0]!);
        if (parent === undefined) later.push(i);
        else firstParent[i] = parent;
      } else if (parents.length > 1) later.push(i);
      const known = index.size;
      index.set(commit.sha, i);
      if (index.size === known) duplicates = true;
    }
    if (duplicates) {
      this.firstParent.fill(-1);
      this.otherParents.clear();
    }
    let broken = false;
    for (const i of duplicates ? list.keys() : later) if (this.takeParents(i)) broken = true;
    return broken;
  }

  /** Records the parents of the commit at `i` the input holds, in the order it names them; true when one comes before its child. */
  private takeParents(i: number): boolean {
    const found: number[] = [];
    for (const sha of this.list[i]!.parents) {
      const parent = this.index.get(sha);
      if (parent !== undefined) found.push(parent);
    }
    if (found.length > 0) this.firstParent[i] = found[0]!;
    if (found.length > 1) this.otherParents.set(i, found.slice(1));
    return found.some((parent) => parent <= i);
  }

  get size(): number {
    return this.list.length;
  }

  /** The commit at an index. */
  at(index: number): CommitInfo {
    return this.list[index]!;
  }

  /** The index of a commit (below `limit`, when given). */
  indexOf(sha: string, limit = this.list.length): number | undefined {
    const i = this.index.get(sha);
    return i !== undefined && i < limit ? i : undefined;
  }

  get(sha: string): CommitInfo | undefined {
    const i = this.index.get(sha);
    return i === undefined ? undefined : this.list[i];
  }

  has(sha: string): boolean {
    return this.index.has(sha);
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

  /** The parents of the commit at `i` that the input holds, in the order it names them. */
  private parentsOf(i: number): number[] {
    const first = this.firstParent[i]!;
    if (first < 0) return [];
    const others = this.otherParents.get(i);
    return others ? [first, ...others] : [first];
  }

  /** The input is not topological: rank every commit by generation (1 + the highest parent's), iteratively. */
  useGenerations(): void {
    if (this.generation) return;
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
   * pass through it, or stop there. With a `floor`, commits ranked below it are not visited (nor
   * are starts below it).
   */
  walk(starts: Iterable<string>, step: (commit: CommitInfo, index: number) => WalkStep, floor = -Infinity): void {
    const stack = this.begin();
    for (const sha of starts) {
      const i = this.index.get(sha);
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
    const first = this.firstParent[i]!;
    if (first < 0) return;
    this.push(stack, first, floor);
    const others = this.otherParents.get(i);
    if (others) for (let k = 0; k < others.length; k++) this.push(stack, others[k]!, floor);
  }

  /** Whether `ancestor` is reachable from `descendant` (a commit is its own ancestor), walking only commits ranked above it. */
  isAncestor(ancestor: string, descendant: string): boolean {
    const start = this.index.get(descendant);
    const target = this.index.get(ancestor);
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
