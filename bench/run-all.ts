// `npm run bench`: after one build, runs every `bench:*` script's compiled bench one after another (never two
// at once: they measure the same machine), then renders bench/REPORT.md from bench/results/*.json.
// `npm run bench -- pipeline ingest` runs only those; `npm run bench -- --report-only` only renders.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderReport } from './lib/bench-report';

const root = path.resolve(__dirname, '..', '..');

function benchNames(): string[] {
  const { scripts } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  return Object.keys(scripts)
    .filter((name) => name.startsWith('bench:'))
    .map((name) => name.slice('bench:'.length));
}

function main(): number {
  const args = process.argv.slice(2);
  const reportOnly = args.includes('--report-only');
  const wanted = args.filter((arg) => !arg.startsWith('--'));
  const unknown = wanted.filter((name) => !benchNames().includes(name));
  if (unknown.length > 0) {
    console.error(`unknown bench: ${unknown.join(', ')} (known: ${benchNames().join(', ')})`);
    return 2;
  }
  const failed: string[] = [];
  if (!reportOnly) {
    for (const name of wanted.length > 0 ? wanted : benchNames()) {
      const script = path.join(root, 'dist', 'bench', `${name}.bench.js`);
      if (!existsSync(script)) {
        console.error(`${name}: ${path.relative(root, script)} is not built`);
        failed.push(name);
        continue;
      }
      console.log(`\n=== bench:${name}`);
      const { status } = spawnSync(process.execPath, [script], { cwd: root, stdio: 'inherit', env: process.env });
      if (status !== 0) failed.push(name);
    }
  }
  const resultsDir = path.join(root, 'bench', 'results');
  const files = readdirSync(resultsDir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => ({
      name: file.slice(0, -'.json'.length),
      json: JSON.parse(readFileSync(path.join(resultsDir, file), 'utf8')) as unknown,
    }));
  const out = path.join(root, 'bench', 'REPORT.md');
  writeFileSync(out, renderReport(files));
  console.log(`\nwrote ${path.relative(root, out)} from ${files.length} result file(s)`);
  // A failed bench leaves its previous result (with its own date) in the report; the exit status says so.
  if (failed.length > 0) console.error(`failed: ${failed.join(', ')}`);
  return failed.length > 0 ? 1 : 0;
}

process.exit(main());
