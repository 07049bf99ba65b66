import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../..');

/** Compiles the services into dist/ (incremental), as `npm run demo` does before starting them. */
export function buildDist(): void {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'tools/build.mjs')], {
    cwd: ROOT,
    env: { ...process.env, REVISIT_BUILD_QUIET: '1' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`build failed: ${result.stderr}`);
}

export interface SpawnedService {
  readonly child: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `dist/apps/<app>/src/main.js` with exactly the given environment (plus PATH). */
export function spawnService(app: string, env: Record<string, string>): SpawnedService {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/apps', app, 'src/main.js')], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  // 'close', not 'exit': only then has everything the child wrote been read.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => out, stderr: () => err, exited };
}

export function logRecords(output: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
