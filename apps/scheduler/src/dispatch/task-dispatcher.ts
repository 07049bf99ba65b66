import { type DispatchDueTasks } from './dispatch-due-tasks';

export interface TaskDispatcherOptions {
  readonly batchSize: number;
  /** pause between rounds once a round found less than a full batch */
  readonly idleMs: number;
  readonly onError: (error: unknown) => void;
}

/**
 * Runs dispatch rounds until stopped: back to back while batches come back full (a backlog), otherwise
 * every `idleMs`. `stop()` waits for the round in flight, so its transaction commits before the pool closes.
 */
export class TaskDispatcher {
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly dispatch: DispatchDueTasks,
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

  private async run(): Promise<void> {
    while (this.running) {
      let dispatched = 0;
      try {
        dispatched = await this.dispatch.runOnce(this.options.batchSize);
      } catch (error) {
        this.options.onError(error);
      }
      // stop() may have come during the round: its wake-up is gone, so do not start a new wait.
      if (this.running && dispatched < this.options.batchSize) await this.pause();
    }
  }

  private pause(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.wake = resolve;
      this.timer = setTimeout(resolve, this.options.idleMs);
    }).finally(() => {
      clearTimeout(this.timer);
      this.wake = undefined;
    });
  }
}
