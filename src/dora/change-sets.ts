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
 * the way `git rev-list A ^B` does.
 */
export class CommitGraph {
  private readonly commits = new Map<string, CommitInfo>();
  private readonly generation = new Map<string, number>();

  constructor(commits: Iterable<CommitInfo>) {
    for (const commit of commits) this.commits.set(commit.sha, commit);
    for (const sha of this.commits.keys()) this.generationOf(sha);
  }

  get size(): number {
    return this.commits.size;
  }

  get(sha: string): CommitInfo | undefined {
    return this.commits.get(sha);
  }

  /** Iterative, so a million-commit linear history cannot overflow the stack. */
  private generationOf(start: string): number {
    const known = this.generation.get(start);
    if (known !== undefined) return known;
    const stack = [start];
    while (stack.length > 0) {
      const sha = stack[stack.length - 1]!;
      if (this.generation.has(sha)) {
        stack.pop();
        continue;
      }
      const parents = (this.commits.get(sha)?.parents ?? []).filter((parent) => this.commits.has(parent));
      const pending = parents.filter((parent) => !this.generation.has(parent));
      if (pending.length > 0) {
        stack.push(...pending);
        continue;
      }
      this.generation.set(sha, 1 + Math.max(0, ...parents.map((parent) => this.generation.get(parent)!)));
      stack.pop();
    }
    return this.generation.get(start)!;
  }

  /**
   * Commits reachable from `include` and not from `exclude` (like `git rev-list include ^exclude`).
   * Commits outside the graph (history not read) end the walk on that path.
   */
  between(include: string, exclude: string | undefined): CommitInfo[] {
    if (!this.commits.has(include)) return [];
    // Commits are popped in decreasing generation order, so every descendant of a commit is
    // handled before it and its state (1 = reachable from include only, 2 = from exclude) is final.
    const state = new Map<string, 1 | 2>();
    const popped = new Set<string>();
    const queue = new MaxHeap<string>();
    let interestingQueued = 0;
    const mark = (sha: string, value: 1 | 2) => {
      if (!this.commits.has(sha)) return;
      const current = state.get(sha);
      if (current === 2 || current === value) return;
      if (current === 1) interestingQueued--; // upgraded: reachable from exclude after all
      state.set(sha, value);
      if (value === 1) interestingQueued++;
      queue.push(this.generation.get(sha)!, sha);
    };
    mark(include, 1);
    if (exclude !== undefined) mark(exclude, 2);
    const out: CommitInfo[] = [];
    while (queue.size > 0 && interestingQueued > 0) {
      const sha = queue.pop()!;
      if (popped.has(sha)) continue;
      popped.add(sha);
      const value = state.get(sha)!;
      const commit = this.commits.get(sha)!;
      if (value === 1) {
        interestingQueued--;
        out.push(commit);
      }
      for (const parent of commit.parents) mark(parent, value);
    }
    return out;
  }
}

/** A binary max-heap keyed by number (generation), holding strings. */
class MaxHeap<T> {
  private readonly keys: number[] = [];
  private readonly values: T[] = [];

  get size(): number {
    return this.keys.length;
  }

  push(key: number, value: T): void {
    this.keys.push(key);
    this.values.push(value);
    let i = this.keys.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! >= this.keys[i]!) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): T | undefined {
    if (this.keys.length === 0) return undefined;
    const top = this.values[0];
    const lastKey = this.keys.pop()!;
    const lastValue = this.values.pop()!;
    if (this.keys.length > 0) {
      this.keys[0] = lastKey;
      this.values[0] = lastValue;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let largest = i;
        if (left < this.keys.length && this.keys[left]! > this.keys[largest]!) largest = left;
        if (right < this.keys.length && this.keys[right]! > this.keys[largest]!) largest = right;
        if (largest === i) break;
        this.swap(i, largest);
        i = largest;
      }
    }
    return top;
  }

  private swap(a: number, b: number): void {
    [this.keys[a], this.keys[b]] = [this.keys[b]!, this.keys[a]!];
    [this.values[a], this.values[b]] = [this.values[b]!, this.values[a]!];
  }
}
