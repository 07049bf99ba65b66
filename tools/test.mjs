#!/usr/bin/env node
// `npm test`: format check, lint, typecheck, build (services and the web console), unit and integration
// tests, in that order, failing fast.
// Ends with one summary line "tests: N passed, N failed" read from Jest's JSON reports.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const reports = path.join(root, 'test-artifacts', 'jest');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const stages = [
  ['format', bin('prettier'), ['--check', '--log-level=warn', '.']],
  // The Nx project graph must exist before ESLint, or @nx/enforce-module-boundaries silently skips.
  ['graph', bin('nx'), ['show', 'projects']],
  ['lint', bin('eslint'), ['--max-warnings=0', '.']],
  ['typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
  // The web console's browser code compiles against DOM and JSX settings of its own.
  ['typecheck-console', bin('tsc'), ['-p', 'apps/console/src/tsconfig.json', '--noEmit']],
  ['build', process.execPath, [path.join(root, 'tools', 'build.mjs')]],
  ['unit', bin('jest'), ['--selectProjects', 'unit', '--json', `--outputFile=${path.join(reports, 'unit.json')}`]],
  [
    'integration',
    bin('jest'),
    [
      '--selectProjects',
      'integration',
      '--runInBand',
      '--passWithNoTests',
      // Jest reads testTimeout only globally, not from a project entry of jest.config.js.
      '--testTimeout=120000',
      '--json',
      `--outputFile=${path.join(reports, 'integration.json')}`,
    ],
  ],
];

const only = process.argv.slice(2);
let failedStage;
for (const [name, cmd, args] of stages) {
  if (only.length && !only.includes(name)) continue;
  const started = Date.now();
  console.log(`\n== ${name} ==`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });
  console.log(
    `== ${name}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s ==`,
  );
  if (result.status !== 0) {
    failedStage = name;
    break;
  }
}

let passed = 0;
let failed = 0;
for (const file of ['unit.json', 'integration.json']) {
  const report = path.join(reports, file);
  if (!existsSync(report)) continue;
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests;
  failed += json.numFailedTests;
}
if (failedStage) console.error(`\nnpm test: stage "${failedStage}" failed`);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failedStage ? 1 : 0);
