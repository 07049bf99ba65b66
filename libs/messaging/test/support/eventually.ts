import { eventually as eventuallyWithOptions } from '@revisit/testing';

/** The platform's `eventually` with this suite's longer default deadline (Kafka group joins take seconds). */
export function eventually(assertion: () => unknown, timeoutMs = 30_000, intervalMs = 100): Promise<unknown> {
  return eventuallyWithOptions(assertion, { timeoutMs, intervalMs });
}
