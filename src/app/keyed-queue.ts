/**
 * Runs tasks that share a key one after another (and tasks with different keys in parallel),
 * so that webhook redeliveries for the same commit cannot race each other into duplicate
 * check runs. In-process only: that is enough for one App instance.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }
}
