import { existsSync } from 'node:fs';
import path from 'node:path';
import { createLogger } from '@revisit/observability';
import { findRepoRoot } from '@revisit/local-infra';
import { startConsoleServer } from '../../server/console-server';

/** The built console (tools/build.mjs runs `vite build` before the test stages), served on an ephemeral port. */
export function builtConsoleDir(): string {
  const dir = path.join(findRepoRoot(), 'dist', 'apps', 'console', 'public');
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`the console is not built (${dir}); run \`node tools/build.mjs\` first`);
  }
  return dir;
}

export function startConsole(upstreams: Record<string, string>, staticDir = builtConsoleDir()) {
  return startConsoleServer(
    {
      staticDir,
      upstreams,
      upstreamTimeoutMs: 10_000,
      logger: createLogger({ service: 'console-test', level: 'silent' }),
    },
    0,
    '127.0.0.1',
  );
}
