/** A limit over a rolling span, or over the natural day in China Standard Time (how both providers count). */
export interface RateWindow {
  readonly name: string;
  readonly limit: number;
  readonly spanMs: number | 'shanghai-day';
}

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** Counts accepted messages per key (a phone number) and says which window a new one would break. */
export class PerNumberRateLimiter {
  private readonly sent = new Map<string, number[]>();

  constructor(
    private readonly windows: readonly RateWindow[],
    private readonly now: () => number,
  ) {}

  /** The first window the message would exceed, or undefined after recording it as sent. */
  tryAcquire(key: string): RateWindow | undefined {
    const at = this.now();
    const history = (this.sent.get(key) ?? []).filter((time) => at - time < DAY_MS * 2);
    const broken = this.windows.find(
      (window) => history.filter((time) => inWindow(window, time, at)).length >= window.limit,
    );
    if (broken === undefined) history.push(at);
    this.sent.set(key, history);
    return broken;
  }
}

function inWindow(window: RateWindow, time: number, at: number): boolean {
  if (window.spanMs === 'shanghai-day') {
    return Math.floor((time + SHANGHAI_OFFSET_MS) / DAY_MS) === Math.floor((at + SHANGHAI_OFFSET_MS) / DAY_MS);
  }
  return at - time < window.spanMs;
}
