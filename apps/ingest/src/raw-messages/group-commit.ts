export interface GroupCommitOptions {
  /** Most payloads stored by one transaction. */
  readonly maxGroup: number;
  /** Transactions in flight at once; arrivals meanwhile wait and form the next group. */
  readonly maxConcurrent: number;
}

interface Waiting<T, R> {
  readonly item: T;
  readonly resolve: (result: R) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit: what arrives while a transaction is in flight waits for it and is stored together in the
 * next one, so concurrent senders share one BEGIN/COMMIT and one WAL flush instead of paying one each.
 * Nothing is delayed on purpose: a lone arrival is stored at once. Every caller is answered only once the
 * transaction holding its item committed. When a group's transaction fails, each of its items is tried again
 * alone, so one bad payload (or a deadlock between two groups) never costs the others their answer.
 */
export class GroupCommit<T, R> {
  private readonly queue: Waiting<T, R>[] = [];
  private inFlight = 0;

  constructor(
    /** Stores the items in one transaction and returns one result per item, in order. */
    private readonly commit: (items: readonly T[]) => Promise<readonly R[]>,
    private readonly options: GroupCommitOptions,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.drain();
    });
  }

  private drain(): void {
    while (this.inFlight < this.options.maxConcurrent && this.queue.length > 0) {
      const group = this.queue.splice(0, this.options.maxGroup);
      this.inFlight++;
      void this.store(group).finally(() => {
        this.inFlight--;
        this.drain();
      });
    }
  }

  private async store(group: readonly Waiting<T, R>[]): Promise<void> {
    try {
      const results = await this.commit(group.map((w) => w.item));
      group.forEach((w, i) => w.resolve(results[i]!));
    } catch (error) {
      if (group.length === 1) return group[0]!.reject(error);
      await Promise.all(group.map((w) => this.store([w])));
    }
  }
}
