import { Injectable } from '@nestjs/common';
import { redactText } from '@revisit/observability';

/** Resolves when the dependency is usable; throws (or rejects) with the reason when it is not. */
export type ReadinessCheck = () => Promise<void>;

export interface ReadinessCheckResult {
  readonly name: string;
  readonly status: 'up' | 'down';
  readonly durationMs: number;
  readonly reason?: string;
}

export interface ReadinessReport {
  readonly status: 'ready' | 'not-ready' | 'draining';
  readonly checks: readonly ReadinessCheckResult[];
}

const DEFAULT_TIMEOUT_MS = 2000;
const MAX_REASON_LENGTH = 200;

/**
 * Named checks that modules register at start-up (database, Redis, Kafka, consumers...). `/health/ready`
 * runs them all in parallel, each bounded by a timeout so one hung dependency cannot hang the probe.
 */
@Injectable()
export class ReadinessRegistry {
  private readonly checks = new Map<string, { check: ReadinessCheck; timeoutMs: number }>();
  private draining = false;

  register(name: string, check: ReadinessCheck, options: { timeoutMs?: number } = {}): void {
    if (this.checks.has(name)) throw new Error(`readiness check "${name}" is already registered`);
    this.checks.set(name, { check, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS });
  }

  names(): string[] {
    return [...this.checks.keys()];
  }

  /** Called first on shutdown so load balancers stop routing here while in-flight work completes. */
  markDraining(): void {
    this.draining = true;
  }

  async evaluate(): Promise<ReadinessReport> {
    const checks = await Promise.all(
      [...this.checks].map(([name, { check, timeoutMs }]) => runCheck(name, check, timeoutMs)),
    );
    const allUp = checks.every((result) => result.status === 'up');
    return { status: this.draining ? 'draining' : allUp ? 'ready' : 'not-ready', checks };
  }
}

async function runCheck(name: string, check: ReadinessCheck, timeoutMs: number): Promise<ReadinessCheckResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { name, status: 'up', durationMs: elapsed(started) };
  } catch (error) {
    return { name, status: 'down', durationMs: elapsed(started), reason: describeFailure(error) };
  } finally {
    clearTimeout(timer);
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}

// Probe responses are public-ish: only a short, masked reason leaves the process.
function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message || error.name : String(error);
  return redactText(message).slice(0, MAX_REASON_LENGTH);
}
