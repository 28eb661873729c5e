/**
 * At most `limit` tasks at once; the rest wait. Waiting tasks are grouped by an optional key (the job)
 * and served in turn, one key after another, each key's own tasks in arrival order: a consumer batch
 * that holds chunks of several jobs shares its slots between the jobs, so a small job's few calls do
 * not wait behind every call a big job queued first (ADR 067).
 */
export class Limiter {
  private active = 0;
  private readonly waiting = new Map<string, Array<() => void>>();

  constructor(readonly limit: number) {}

  async run<T>(task: () => Promise<T>, key = ""): Promise<T> {
    if (this.active >= this.limit) await this.wait(key);
    else this.active++;
    try {
      return await task();
    } finally {
      const next = this.next();
      if (next) next();
      else this.active--;
    }
  }

  get inFlight(): number {
    return this.active;
  }

  private wait(key: string): Promise<void> {
    return new Promise<void>((resolve) => {
      const queue = this.waiting.get(key);
      if (queue) queue.push(resolve);
      else this.waiting.set(key, [resolve]);
    });
  }

  /** The first waiter of the key that has waited longest for its turn; that key goes to the back. */
  private next(): (() => void) | undefined {
    for (const [key, queue] of this.waiting) {
      const first = queue.shift();
      this.waiting.delete(key);
      if (queue.length > 0) this.waiting.set(key, queue);
      if (first) return first;
    }
    return undefined;
  }
}
