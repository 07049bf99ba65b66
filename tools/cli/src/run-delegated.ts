import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import path from 'node:path';
import { CliExitCode } from './cli-exit-code';

/**
 * Runs a compiled subcommand in a child Node process with the terminal handed over (stdio inherited)
 * and resolves to its exit code; a child killed by a signal yields 128 + the signal number, as a shell does.
 */
export function runDelegated(root: string, script: string, args: readonly string[]): Promise<number> {
  const file = path.join(root, script);
  if (!existsSync(file)) {
    console.error(
      `revisit: ${script} is not built; run \`npm run build\` (the command may not be implemented in this checkout yet).`,
    );
    return Promise.resolve(CliExitCode.NotBuilt);
  }
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file, ...args], { cwd: process.cwd(), stdio: 'inherit' });
    // Ctrl-C reaches the child through the terminal; a SIGTERM sent to this process alone is passed on.
    const forward = (signal: NodeJS.Signals): void => {
      child.kill(signal);
    };
    process.on('SIGTERM', forward);
    child.once('error', (err) => {
      process.off('SIGTERM', forward);
      console.error(`revisit: could not start ${script}: ${err.message}`);
      resolve(CliExitCode.Failure);
    });
    child.once('exit', (code, signal) => {
      process.off('SIGTERM', forward);
      resolve(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0));
    });
  });
}
