/**
 * Runs rounds until stopped: back to back while a round found work, otherwise every `idleMs`. `stop()` waits
 * for the round in flight so its transaction commits before the pool closes.
 */
export class PollingLoop {
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly round: () => Promise<number>,
    private readonly idleMs: number,
    private readonly onError: (error: unknown) => void,
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
      let worked = 0;
      try {
        worked = await this.round();
      } catch (error) {
        this.onError(error);
      }
      if (this.running && worked === 0) await this.pause();
    }
  }

  private pause(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.wake = resolve;
      this.timer = setTimeout(resolve, this.idleMs);
    }).finally(() => {
      clearTimeout(this.timer);
      this.wake = undefined;
    });
  }
}
