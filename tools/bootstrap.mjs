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

// The console's browser tests drive Debian's Chromium through playwright-core (playwright's own browser
// download is not an option: hospital networks and CI reach package registries only), and its screenshots
// need a CJK font or every Chinese label renders as empty boxes.
const chromium = '/usr/bin/chromium';
const cjkFont = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
const browserPackages = ['chromium', 'fonts-wqy-microhei'];
if (process.platform === 'linux' && (!existsSync(chromium) || !existsSync(cjkFont))) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const aptGet = '/usr/bin/apt-get';
  if (isRoot && existsSync(aptGet)) {
    console.log(`bootstrap: installing ${browserPackages.join(' ')} for the console's browser tests (apt-get)...`);
    const apt = (args) =>
      spawnSync(aptGet, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status;
    const install = () => apt(['install', '-y', '--no-install-recommends', ...browserPackages]) === 0;
    // A fresh container has no package lists, so apt-get cannot find the packages until it updates.
    if (!install() && !(apt(['update']) === 0 && install())) {
      console.error(`bootstrap: \`apt-get install ${browserPackages.join(' ')}\` failed; install them by hand.`);
      process.exit(1);
    }
  } else {
    console.warn(
      `bootstrap: the console's browser tests need Debian's ${browserPackages.join(' and ')} packages; install them with \`sudo apt-get install --no-install-recommends ${browserPackages.join(' ')}\`.`,
    );
  }
}
