#!/usr/bin/env node
// Dependency-free bootstrap run before `npm test` and `npm run demo` on a fresh clone: checks the Node
// version and installs the locked node modules when they are missing or stale. Kafka's jars are fetched
// later, on first need, by libs/local-infra (only when no KAFKA_BROKERS and no Docker engine).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 10)) {
  console.error(
    `Revisit needs Node.js 20.10 or newer; this is ${process.versions.node}. Install Node.js 20 LTS or 22 LTS.`,
  );
  process.exit(1);
}

const lockFile = path.join(root, 'package-lock.json');
const stamp = path.join(root, 'node_modules', '.revisit-lock.sha256');
const lockHash = createHash('sha256').update(readFileSync(lockFile)).digest('hex');
const installed = existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === lockHash;

if (!installed) {
  // `npm install` with the committed lock installs exactly the locked versions. Not `npm ci`: it refuses a
  // lock without every platform's optional binaries (@swc/core-darwin-*, ...), and registry mirrors in
  // hospital networks often serve only the platforms they run, so such a lock cannot be produced there.
  console.log('bootstrap: installing node modules (npm install from package-lock.json)...');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error('bootstrap: `npm install` failed; check that the npm registry is reachable and run it again.');
    process.exit(result.status ?? 1);
  }
  writeFileSync(stamp, `${lockHash}\n`);
}
