import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { findRepoRoot } from '@revisit/local-infra';
import { eventually } from './eventually';

export type ServiceApp = 'ingest' | 'scheduler' | 'outreach' | 'analytics';

/**
 * Compiles dist/ (incremental) the way `npm run demo` does before starting services, so a test runs the code
 * of this checkout and not a stale build; returns the app's entry point.
 */
export function buildService(app: ServiceApp): string {
  const root = findRepoRoot();
  const result = spawnSync(process.execPath, [path.join(root, 'tools', 'build.mjs')], {
    cwd: root,
    env: { ...process.env, REVISIT_BUILD_QUIET: '1' },
    encoding: 'utf8',
  });
  const script = path.join(root, 'dist', 'apps', app, 'src', 'main.js');
  if (result.status !== 0 || !existsSync(script)) {
    throw new Error(`could not build ${app} into dist/ (run \`node tools/build.mjs\`): ${result.stderr}`);
  }
  return script;
}

export interface ServiceProcess {
  readonly child: ChildProcess;
  readonly log: () => string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * A built service as a child process with exactly the given environment (a real process a test can kill with
 * SIGKILL), resolved once `/health/ready` on `env.PORT` answers 200; a child that dies while starting fails
 * with its log.
 */
export async function spawnService(
  app: ServiceApp,
  script: string,
  env: Record<string, string>,
): Promise<ServiceProcess> {
  const child = spawn(process.execPath, [script], {
    cwd: findRepoRoot(),
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer): void => {
    output.push(chunk.toString('utf8'));
    if (output.length > 300) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  // 'close', not 'exit': only then has everything the child wrote been read.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  const log = (): string => output.join('');
  const died = exited.then(({ code, signal }) => {
    throw new Error(`${app} exited (${code ?? signal}) while starting:\n${log()}`);
  });
  died.catch(() => undefined);
  try {
    await Promise.race([
      died,
      eventually(
        async () => {
          const status = (await fetch(`http://127.0.0.1:${env['PORT']}/health/ready`)).status;
          if (status !== 200) throw new Error(`${app} not ready yet (${status})`);
        },
        { timeoutMs: 120_000, intervalMs: 250 },
      ),
    ]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return { child, log, exited };
}
