import { readFileSync } from 'node:fs';
import { runCommand } from './run-command';

/**
 * Process helpers that work from any process, not only the parent: the broker is started by one
 * process (`revisit infra up`, the Jest global set-up) and stopped by another (`infra down`, a test).
 */

/** The command line of a live process, or undefined if it is gone (zombies count as gone). */
export async function commandLineOf(pid: number): Promise<string | undefined> {
  if (!isSignalable(pid)) return undefined;
  try {
    const raw = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return raw.length > 0 ? raw.split('\0').join(' ').trim() : undefined;
  } catch {
    // No procfs (macOS): ask ps, which prints nothing for a vanished pid.
    const result = await runCommand('ps', ['-o', 'args=', '-p', String(pid)], { timeoutMs: 5_000 });
    const line = result.code === 0 ? result.stdout.trim() : '';
    return line.length > 0 ? line : undefined;
  }
}

/**
 * True when `pid` is alive and its command line contains `marker`. The marker guards against pid reuse:
 * a pid recorded hours ago may now belong to an unrelated process that must not be signalled.
 */
export async function isProcessRunning(pid: number, marker: string): Promise<boolean> {
  const commandLine = await commandLineOf(pid);
  return commandLine !== undefined && commandLine.includes(marker);
}

/**
 * SIGTERM, wait up to `graceMs` for a clean exit, then SIGKILL. Resolves to how the process ended.
 * Kafka flushes its logs and writes a clean-shutdown marker on SIGTERM, which makes the next start fast.
 */
export async function terminateProcess(
  pid: number,
  marker: string,
  graceMs: number,
): Promise<'not-running' | 'terminated' | 'killed'> {
  if (!(await isProcessRunning(pid, marker))) return 'not-running';
  signal(pid, 'SIGTERM');
  if (await waitForExit(pid, marker, graceMs)) return 'terminated';
  signal(pid, 'SIGKILL');
  if (await waitForExit(pid, marker, 10_000)) return 'killed';
  throw new Error(`process ${pid} did not exit after SIGKILL`);
}

export async function waitForExit(pid: number, marker: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!(await isProcessRunning(pid, marker))) return true;
    await delay(100);
  }
  return !(await isProcessRunning(pid, marker));
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function isSignalable(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}
