export interface EventuallyOptions {
  /** Give up after this long; the last assertion error becomes the failure. Default 10 s. */
  readonly timeoutMs?: number;
  /** Pause between attempts. Default 100 ms. */
  readonly intervalMs?: number;
}

/**
 * Retries `assertion` until it stops throwing or the deadline passes, then rethrows its last error, so
 * the failure shows the real expectation (e.g. Jest's diff) rather than a bare timeout. An attempt that
 * hangs past the deadline also fails. Use for asynchronous flows instead of sleeping.
 */
export async function eventually<T>(assertion: () => T | Promise<T>, options: EventuallyOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const intervalMs = options.intervalMs ?? 100;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = new Error(`eventually: no attempt completed within ${timeoutMs} ms`);
  for (;;) {
    try {
      return await withinDeadline(Promise.resolve().then(assertion), deadline, timeoutMs);
    } catch (err) {
      if (!(err instanceof AttemptTimeout)) lastError = err;
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw lastError;
    await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, remaining)));
  }
}

class AttemptTimeout extends Error {}

function withinDeadline<T>(attempt: Promise<T>, deadline: number, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new AttemptTimeout(`eventually: attempt still pending after ${timeoutMs} ms`)),
      Math.max(0, deadline - Date.now()),
    );
  });
  return Promise.race([attempt, timeout]).finally(() => clearTimeout(timer));
}
