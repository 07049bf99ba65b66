import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DemoService } from './demo-services';
import { OTEL_REGISTER } from './demo-services';

export interface ServiceProcess {
  readonly service: DemoService;
  readonly logFile: string;
  readonly child: ChildProcess;
  /** Resolves with the exit code (or 128 + signal) whenever the process ends, expectedly or not. */
  readonly exited: Promise<number>;
  isRunning(): boolean;
  stop(graceMs: number): Promise<number>;
  tail(lines: number): string;
}

/**
 * Starts a compiled service in its own process group, so the terminal's Ctrl-C reaches only `revisit demo`,
 * which then stops the services in order; its JSON log goes to a file rather than the terminal.
 */
export function startServiceProcess(
  root: string,
  service: DemoService,
  env: NodeJS.ProcessEnv,
  logDir: string,
): ServiceProcess {
  const logFile = path.join(logDir, `${service.name}.log`);
  const fd = openSync(logFile, 'w');
  const child = spawn(
    process.execPath,
    ['--enable-source-maps', '--require', path.join(root, OTEL_REGISTER), path.join(root, service.script)],
    { cwd: root, env: { ...env, PORT: String(service.port) }, stdio: ['ignore', fd, fd], detached: true },
  );
  closeSync(fd);
  let running = true;
  const exited = new Promise<number>((resolve) => {
    child.once('exit', (code, signal) => {
      running = false;
      resolve(code ?? (signal ? 128 + signalNumber(signal) : 1));
    });
    child.once('error', () => {
      running = false;
      resolve(1);
    });
  });

  return {
    service,
    logFile,
    child,
    exited,
    isRunning: () => running,
    async stop(graceMs) {
      if (!running) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
    tail(lines) {
      try {
        return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
      } catch {
        return '';
      }
    },
  };
}

function signalNumber(signal: NodeJS.Signals): number {
  return { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[signal as string] ?? 0;
}
