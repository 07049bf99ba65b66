#!/usr/bin/env node
// `revisit` launcher, dependency-free: brings dist/ up to date (the swc build is incremental, so this is
// quick when nothing changed) and hands over to the compiled CLI in tools/cli.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const build = spawnSync(process.execPath, [path.join(root, 'tools', 'build.mjs')], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, REVISIT_BUILD_QUIET: '1' },
});
if (build.status !== 0) {
  console.error('revisit: building dist/ failed (see above); run `npm install` first on a fresh clone.');
  process.exit(build.status ?? 1);
}
createRequire(import.meta.url)(path.join(root, 'dist', 'tools', 'cli', 'src', 'main.js'));
