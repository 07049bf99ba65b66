import type { ServiceProcess } from './service-process';

export type ReadyOutcome = { ready: true; afterMs: number } | { ready: false; reason: string };

/**
 * Polls `/health/ready` until it answers 200, the process exits, or the deadline passes. A service that
 * exits while starting (bad config, unreachable database) is reported at once rather than after the timeout.
 */
export async function waitUntilReady(
  processHandle: ServiceProcess,
  url: string,
  timeoutMs: number,
  intervalMs = 500,
): Promise<ReadyOutcome> {
  const started = Date.now();
  let lastProblem = 'no answer yet';
  while (Date.now() - started < timeoutMs) {
    if (!processHandle.isRunning()) {
      return { ready: false, reason: `exited with status ${await processHandle.exited}` };
    }
    try {
      const response = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(3000) });
      if (response.status === 200) return { ready: true, afterMs: Date.now() - started };
      lastProblem = `${response.status}: ${downChecks(await response.text())}`;
    } catch {
      lastProblem = 'not listening yet';
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return { ready: false, reason: `not ready after ${Math.round(timeoutMs / 1000)} s (${lastProblem})` };
}

function downChecks(body: string): string {
  try {
    const report = JSON.parse(body) as { checks?: { name: string; status: string; reason?: string }[] };
    const down = (report.checks ?? []).filter((check) => check.status !== 'up');
    return down.map((check) => `${check.name} ${check.reason ?? 'down'}`).join('; ') || 'not ready';
  } catch {
    return 'unexpected answer';
  }
}
