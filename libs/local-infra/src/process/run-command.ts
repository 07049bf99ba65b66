import { spawn } from 'node:child_process';

export interface CommandResult {
  /** Exit code, or null when the command could not be started or was killed (see `error`). */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Set when the executable was not found (ENOENT) or the timeout killed it. */
  readonly error?: 'not-found' | 'timeout' | 'spawn-failed';
}

/**
 * Runs a command to completion with a deadline, capturing its output. Never throws: callers decide
 * what a missing executable or a non-zero exit means for them.
 */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { timeoutMs: number; cwd?: string; env?: NodeJS.ProcessEnv },
): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ code: null, stdout, stderr, error: err.code === 'ENOENT' ? 'not-found' : 'spawn-failed' });
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve(timedOut ? { code: null, stdout, stderr, error: 'timeout' } : { code, stdout, stderr });
    });
  });
}
