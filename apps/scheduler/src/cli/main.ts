#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { runPlansCli } from './plans-cli';

// Entry of `revisit plans ...` (spawned by the revisit dispatcher, or run directly with node).
process.exitCode = runPlansCli(process.argv.slice(2), {
  readFile: (path) => readFileSync(path, 'utf8'),
  stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  now: () => new Date().toISOString(),
});
