/** One commit of the history, as git log gives it. */
export interface CommitInfo {
  sha: string;
  parents: string[];
  /** Author time, epoch milliseconds. */
  authorTime: number;
  subject: string;
}

/**
 * A commit graph with generation numbers (1 + the highest parent's), which let a walk stop
 * as soon as every commit left to look at is known to be reachable from the excluded side,
 * the way `git rev-list A ^B` does. Commits are numbered and kept in typed arrays so that a
 * million-commit history and a hundred thousand walks stay cheap.
 */
export class CommitGraph {
  private readonly list: CommitInfo[];
  private readonly index = new Map<string, number>();
  /** Parent indices of commit i: parentIndex[parentStart[i] .. parentStart[i + 1]) (parents outside the graph dropped). */
  private readonly parentStart: Int32Array;
  private readonly parentIndex: Int32Array;
  private readonly generation: Int32Array;
  // Per-walk scratch space, reused: a state is valid only when its epoch is the current walk's.
  private readonly stateEpoch: Int32Array;
  private readonly state: Uint8Array;
  private epoch = 0;

  constructor(commits: Iterable<CommitInfo>) {
    this.list = [...commits];
    this.list.forEach((commit, i) => this.index.set(commit.sha, i));
    const count = this.list.length;
    this.parentStart = new Int32Array(count + 1);
    const parents: number[] = [];
    for (let i = 0; i < count; i++) {
      this.parentStart[i] = parents.length;
      for (const sha of this.list[i]!.parents) {
        const parent = this.index.get(sha);
        if (parent !== undefined) parents.push(parent);
      }
    }
    this.parentStart[count] = parents.length;
    this.parentIndex = Int32Array.from(parents);
    this.generation = new Int32Array(count);
    this.stateEpoch = new Int32Array(count);
    this.state = new Uint8Array(count);
    this.computeGenerations();
  }

  get size(): number {
    return this.list.length;
  }

  get(sha: string): CommitInfo | undefined {
    const i = this.index.get(sha);
    return i === undefined ? undefined : this.list[i];
  }

  /** Iterative depth-first numbering: no recursion, whatever order the commits came in. */
  private computeGenerations(): void {
    const { generation, parentStart, parentIndex } = this;
    const stack: number[] = [];
    for (let root = 0; root < this.list.length; root++) {
      if (generation[root] !== 0) continue;
      stack.push(root);
      while (stack.length > 0) {
        const i = stack[stack.length - 1]!;
        let highest = 0;
        let pending = false;
        for (let p = parentStart[i]!; p < parentStart[i + 1]!; p++) {
          const g = generation[parentIndex[p]!]!;
          if (g === 0) {
            stack.push(parentIndex[p]!);
            pending = true;
          } else if (g > highest) highest = g;
        }
        if (pending) continue;
        generation[i] = highest + 1;
        stack.pop();
      }
    }
  }

  /**
   * Commits reachable from `include` and not from `exclude` (like `git rev-list include ^exclude`).
   * Commits outside the graph (history not read) end the walk on that path.
   */
  between(include: string, exclude: string | undefined): CommitInfo[] {
    const start = this.index.get(include);
    if (start === undefined) return [];
    const { generation, parentStart, parentIndex, state, stateEpoch } = this;
    const epoch = ++this.epoch;
    // Commits are popped in decreasing generation order, so every descendant of a commit is
    // handled before it and its state (1 = reachable from include only, 2 = also from exclude) is final.
    const heap = new GenerationHeap(generation);
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
    mark(start, 1);
    const stop = exclude === undefined ? undefined : this.index.get(exclude);
    if (stop !== undefined) mark(stop, 2);
    const out: CommitInfo[] = [];
    const done = new Set<number>();
    while (heap.size > 0 && interestingQueued > 0) {
      const i = heap.pop();
      if (done.has(i)) continue;
      done.add(i);
      const value = state[i] as 1 | 2;
      if (value === 1) {
        interestingQueued--;
        out.push(this.list[i]!);
      }
      for (let p = parentStart[i]!; p < parentStart[i + 1]!; p++) mark(parentIndex[p]!, value);
    }
    return out;
  }
}

/** A binary max-heap of commit indices ordered by generation. */
class GenerationHeap {
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
