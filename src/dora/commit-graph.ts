/** One commit of the history, as git log gives it. */
export interface CommitInfo {
  sha: string;
  parents: string[];
  /** Author time, epoch milliseconds. */
  authorTime: number;
  subject: string;
}

/**
 * A commit graph that answers `git rev-list A ^B` questions.
 *
 * A walk must handle every descendant of a commit before the commit itself. When the commits
 * come in topological order, newest first (as `git log --topo-order` and GitHub's history
 * give them), their position is such an order, and the graph indexes only as much history
 * as the walks reach: a 90-day window over years of history touches a small part of it.
 * Should a parent ever appear before its child, the graph falls back to generation numbers
 * (1 + the highest parent's) over the whole history, which are right for any order.
 */
export class CommitGraph {
  private readonly list: readonly CommitInfo[];
  private readonly index = new Map<string, number>();
  private scanned = 0;
  private readonly parentCache: (Int32Array | undefined)[];
  /** Walk priority (higher first): position-based while the input is topological, else generations. */
  private priority: Int32Array;
  private topological = true;
  /** Set when reading the input finds a parent before its child: positions are no order then. */
  private orderBroken = false;
  // Per-walk scratch space, reused: a state is valid only when its epoch is the current walk's.
  private readonly stateEpoch: Int32Array;
  private readonly state: Uint8Array;
  private epoch = 0;

  constructor(commits: readonly CommitInfo[]) {
    this.list = commits;
    const count = commits.length;
    this.parentCache = new Array(count);
    this.priority = new Int32Array(count);
    for (let i = 0; i < count; i++) this.priority[i] = count - i;
    this.stateEpoch = new Int32Array(count);
    this.state = new Uint8Array(count);
  }

  get size(): number {
    return this.list.length;
  }

  get(sha: string): CommitInfo | undefined {
    const i = this.indexOf(sha);
    return i === undefined ? undefined : this.list[i];
  }

  /** Index of a commit, reading the input only as far as needed. */
  private indexOf(sha: string): number | undefined {
    const known = this.index.get(sha);
    if (known !== undefined || this.scanned >= this.list.length) return known;
    while (this.scanned < this.list.length) {
      const i = this.scanned++;
      const commit = this.list[i]!;
      // Topological newest-first means every parent comes later: one already read breaks it.
      if (this.topological && commit.parents.some((parent) => this.index.has(parent))) this.orderBroken = true;
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

  /** The input is not topological: number every commit by generation (iteratively, no recursion). */
  private useGenerations(): void {
    this.topological = false;
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
    this.priority = generation;
  }

  /**
   * Commits reachable from `include` and not from `exclude` (like `git rev-list include ^exclude`).
   * Commits outside the graph (history not read) end the walk on that path.
   */
  between(include: string, exclude: string | undefined): CommitInfo[] {
    for (;;) {
      const result = this.walk(include, exclude);
      if (result) return result;
      this.useGenerations(); // the order was not topological: walk again with generations
    }
  }

  private walk(include: string, exclude: string | undefined): CommitInfo[] | undefined {
    const start = this.indexOf(include);
    if (start === undefined) return [];
    const { state, stateEpoch } = this;
    const epoch = ++this.epoch;
    // Popped in decreasing priority, every descendant of a commit is handled before it, so its
    // state (1 = reachable from include only, 2 = also from exclude) is final when it is popped.
    const heap = new PriorityHeap(this.priority);
    let interestingQueued = 0;
    const mark = (i: number, value: 1 | 2) => {
      const current = stateEpoch[i] === epoch ? state[i]! : 0;
      if (current === 2 || current === value) return;
      if (current === 1) interestingQueued--;
      stateEpoch[i] = epoch;
      state[i] = value;
      if (value === 1) interestingQueued++;
      heap.push(i);
    };
    const stop = exclude === undefined ? undefined : this.indexOf(exclude);
    mark(start, 1);
    if (stop !== undefined) mark(stop, 2);
    const out: CommitInfo[] = [];
    const done = new Set<number>();
    while (heap.size > 0 && interestingQueued > 0) {
      if (this.topological && this.orderBroken) return undefined;
      const i = heap.pop();
      if (done.has(i)) continue;
      done.add(i);
      const value = state[i] as 1 | 2;
      if (value === 1) {
        interestingQueued--;
        out.push(this.list[i]!);
      }
      const parents = this.parentsOf(i);
      if (this.topological && this.orderBroken) return undefined;
      for (const parent of parents) mark(parent, value);
    }
    return out;
  }
}

/** A binary max-heap of commit indices ordered by a priority array. */
class PriorityHeap {
  private readonly items: number[] = [];

  constructor(private readonly generation: Int32Array) {}

  get size(): number {
    return this.items.length;
  }

  push(value: number): void {
    const { items, generation } = this;
    items.push(value);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (generation[items[parent]!]! >= generation[items[i]!]!) break;
      [items[parent], items[i]] = [items[i]!, items[parent]!];
      i = parent;
    }
  }

  pop(): number {
    const { items, generation } = this;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let largest = i;
        if (left < items.length && generation[items[left]!]! > generation[items[largest]!]!) largest = left;
        if (right < items.length && generation[items[right]!]! > generation[items[largest]!]!) largest = right;
        if (largest === i) break;
        [items[largest], items[i]] = [items[i]!, items[largest]!];
        i = largest;
      }
    }
    return top;
  }
}
