import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '@revisit/testing';

export interface ServiceChild {
  readonly name: string;
  readonly pid: number;
  readonly port: number;
  readonly logFile: string;
  /** Peak resident set (VmHWM) so far, in MB; undefined once the process is gone. */
  peakRssMb(): number | undefined;
  tail(lines: number): string;
  stop(): Promise<void>;
}

/**
 * A built service (dist/apps/<app>/src/main.js, as `revisit demo` runs it) in its own process, so its memory
 * is its own to measure; resolves once /health/ready answers 200 and fails at once, with the log, if it dies.
 */
export async function startServiceChild(
  root: string,
  name: string,
  env: NodeJS.ProcessEnv,
  logDir: string,
  readyTimeoutMs = 150_000,
): Promise<ServiceChild> {
  const script = path.join(root, 'dist', 'apps', name, 'src', 'main.js');
  if (!existsSync(script)) throw new Error(`${name} is not built (${script}); run \`node tools/build.mjs\` first`);
  const port = await freePort();
  const logFile = path.join(logDir, `${name}.log`);
  const fd = openSync(logFile, 'w');
  const child: ChildProcess = spawn(process.execPath, ['--enable-source-maps', script], {
    cwd: root,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exitCode = code ?? (signal ? 128 : 1);
      resolve();
    }),
  );
  // A bench that crashes must not leave services behind.
  const kill = (): void => {
    if (exitCode === undefined) child.kill('SIGKILL');
  };
  process.once('exit', kill);
  const tail = (lines: number): string => {
    try {
      return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  };
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (exitCode !== undefined) throw new Error(`${name} exited with ${exitCode} while starting:\n${tail(30)}`);
    if (Date.now() > deadline) {
      kill();
      throw new Error(`${name} not ready after ${readyTimeoutMs} ms:\n${tail(30)}`);
    }
    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    name,
    pid: child.pid!,
    port,
    logFile,
    tail,
    peakRssMb: () => {
      try {
        const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
        return kb === undefined ? undefined : Number((Number(kb) / 1024).toFixed(1));
      } catch {
        return undefined;
      }
    },
    async stop() {
      if (exitCode !== undefined) return;
      child.kill('SIGTERM');
      const timer = setTimeout(kill, 30_000);
      await exited;
      clearTimeout(timer);
      process.removeListener('exit', kill);
    },
  };
}
