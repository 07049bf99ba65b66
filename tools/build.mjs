#!/usr/bin/env node
// Compiles every TypeScript source of the services, libs, CLI and benchmarks into dist/ with swc,
// rewriting the @revisit/* path aliases to relative imports so `node dist/...` runs without a loader.
// Incremental: a file is recompiled only when its source is newer than its output. The web console's
// browser code (apps/console/src) is bundled by Vite instead, into dist/apps/console/public.
import { createRequire } from 'node:module';
import { mkdirSync, readdirSync, statSync, readFileSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { swcOptions, root } = require('./swc-options.cjs');
const swc = require('@swc/core');

const SOURCE_DIRS = ['apps', 'libs', 'tools/cli', 'bench'];
const SKIP_DIRS = new Set(['node_modules', 'dist', '.cache']);
const ASSET_EXT = new Set(['.json', '.yaml', '.yml', '.sql', '.html', '.css', '.csv', '.hl7', '.txt']);
const outRoot = path.join(root, 'dist');

const consoleSrc = path.join(root, 'apps', 'console', 'src');

function* walk(dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && full !== consoleSrc) yield* walk(full);
    } else {
      yield path.join(dir, entry.name);
    }
  }
}

const isTest = (f) => /\.(spec|int-spec|e2e-spec)\.ts$/.test(f) || f.includes(`${path.sep}test${path.sep}`);
const newer = (src, out) => !existsSync(out) || statSync(src).mtimeMs > statSync(out).mtimeMs;

const options = swcOptions({ paths: true });
let compiled = 0;
let copied = 0;
for (const dir of SOURCE_DIRS) {
  for (const file of walk(path.join(root, dir))) {
    const rel = path.relative(root, file);
    const ext = path.extname(file);
    if (ext === '.ts' && !file.endsWith('.d.ts') && !isTest(file)) {
      const out = path.join(outRoot, rel.replace(/\.ts$/, '.js'));
      if (!newer(file, out)) continue;
      const result = swc.transformSync(readFileSync(file, 'utf8'), {
        ...options,
        filename: file,
        sourceFileName: path.relative(path.dirname(out), file),
      });
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(out, `${result.code}\n//# sourceMappingURL=${path.basename(out)}.map\n`);
      if (result.map) writeFileSync(`${out}.map`, result.map);
      compiled++;
    } else if (ASSET_EXT.has(ext) && rel.includes(`${path.sep}src${path.sep}`) && !rel.endsWith('project.json')) {
      const out = path.join(outRoot, rel);
      if (!newer(file, out)) continue;
      mkdirSync(path.dirname(out), { recursive: true });
      copyFileSync(file, out);
      copied++;
    }
  }
}

// The console is rebuilt only when one of its sources (or the Vite config) is newer than the last bundle.
const consoleIndex = path.join(outRoot, 'apps', 'console', 'public', 'index.html');
const consoleInputs = [...walk(consoleSrc), path.join(root, 'apps', 'console', 'vite.config.mjs')];
let consoleBuilt = false;
if (consoleInputs.some((file) => newer(file, consoleIndex))) {
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', 'apps/console/vite.config.mjs'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error('build: the web console (vite build) failed');
    process.exit(result.status ?? 1);
  }
  consoleBuilt = true;
}
if (process.env.REVISIT_BUILD_QUIET !== '1') {
  console.log(
    `build: ${compiled} file(s) compiled, ${copied} asset(s) copied into dist/${consoleBuilt ? ', console bundled' : ''}`,
  );
}
