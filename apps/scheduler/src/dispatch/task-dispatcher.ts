import { type DispatchDueTasks } from './dispatch-due-tasks';

export interface TaskDispatcherOptions {
  readonly batchSize: number;
  /** pause between rounds once a round found less than a full batch */
  readonly idleMs: number;
  /**
   * At most this many task-due events per second across rounds, so a backlog (after a restart, an outage
   * or a plan switched on) reaches outreach as a steady stream instead of all at once.
   */
  readonly maxPerSecond: number;
  readonly onError: (error: unknown) => void;
  readonly now?: () => number;
}

/**
 * Runs dispatch rounds until stopped: back to back while batches come back full (a backlog), otherwise
 * every `idleMs`; never faster than `maxPerSecond` task-due events. `stop()` waits for the round in flight,
 * so its transaction commits before the pool closes.
 */
export class TaskDispatcher {
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private windowStart = 0;
  private sentInWindow = 0;

  constructor(
    private readonly dispatch: Pick<DispatchDueTasks, 'runOnce'>,
    private readonly options: TaskDispatcherOptions,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.wake?.();
    await this.loop;
    this.loop = undefined;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** How many task-due events this round may send under the per-second budget (0: wait for the next second). */
  private allowance(): number {
    const now = this.now();
    if (now - this.windowStart >= 1000) {
      this.windowStart = now;
      this.sentInWindow = 0;
    }
    return Math.min(this.options.batchSize, this.options.maxPerSecond - this.sentInWindow);
  }

  private async run(): Promise<void> {
    while (this.running) {
      const limit = this.allowance();
      if (limit <= 0) {
        await this.pause(Math.max(1, this.windowStart + 1000 - this.now()));
        continue;
      }
      let full = false;
      try {
        const round = await this.dispatch.runOnce(limit, this.options.batchSize);
        this.sentInWindow += round.sent;
        // Moved tasks filled the claim too: more may be waiting behind them.
        full = round.sent + round.moved >= limit || round.missed >= this.options.batchSize;
      } catch (error) {
        this.options.onError(error);
      }
      // stop() may have come during the round: its wake-up is gone, so do not start a new wait.
      if (this.running && !full) await this.pause(this.options.idleMs);
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      this.wake = resolve;
      this.timer = setTimeout(resolve, ms);
    }).finally(() => {
      clearTimeout(this.timer);
      this.wake = undefined;
    });
  }
}
