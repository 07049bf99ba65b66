// `npm run bench:empi`: quality (pairwise precision/recall/F1 of `match` decisions) on FEBRL 1-3 and a
// generated Chinese set, and throughput on a 100,000-record Chinese set. Writes bench/results/empi.json.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { linkRecords, type PersonRecord, readFebrlCsv, readRevisitCsv } from '../apps/ingest/src/empi/matching';
import { chineseBenchSet } from './lib/chinese-population';
import { febrlEntities, type PairScores, scoreMatches } from './empi-scoring';

const root = path.resolve(__dirname, '..', '..');

interface RunResult extends PairScores {
  readonly name: string;
  readonly records: number;
  readonly candidatePairs: number;
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly recordsPerSecond: number;
}

function run(
  name: string,
  records: readonly PersonRecord[],
  truth: ReadonlyMap<string, string>,
  right?: readonly PersonRecord[],
): RunResult {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const result = linkRecords(records, right);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  // CPU time next to wall time: on a shared machine the wall clock also measures the neighbours.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const scores = scoreMatches(
    result.links,
    truth,
    right ? { leftIds: new Set(records.map((record) => record.id)) } : undefined,
  );
  const row: RunResult = {
    name,
    records: records.length + (right?.length ?? 0),
    candidatePairs: result.statistics.candidatePairs,
    seconds: Number(seconds.toFixed(2)),
    cpuSeconds: Number(cpuSeconds.toFixed(2)),
    recordsPerSecond: Math.round(records.length / seconds),
    ...scores,
  };
  console.log(
    `${name.padEnd(22)} records ${String(row.records).padStart(7)}  pairs ${String(row.candidatePairs).padStart(8)}  ` +
      `P ${scores.precision.toFixed(4)}  R ${scores.recall.toFixed(4)}  F1 ${scores.f1.toFixed(4)}  ` +
      `${row.seconds.toFixed(2)} s (cpu ${row.cpuSeconds.toFixed(2)} s)  ${row.recordsPerSecond} rec/s`,
  );
  return row;
}

const results: RunResult[] = [];
for (const set of ['dataset1', 'dataset2', 'dataset3']) {
  const text = readFileSync(path.join(root, 'test', 'fixtures', 'febrl', `${set}.csv`), 'utf8');
  const records = readFebrlCsv(text, set);
  results.push(run(`febrl-${set}`, records, febrlEntities(records.map((record) => record.id))));
}
// FEBRL 4a/4b-style two-source linkage built from the visible sets: originals in A, each original's
// first duplicate in B (one-to-one), so the two-source path is measured before the held-back run.
for (const set of ['dataset1', 'dataset2', 'dataset3']) {
  const text = readFileSync(path.join(root, 'test', 'fixtures', 'febrl', `${set}.csv`), 'utf8');
  const records = readFebrlCsv(text, set);
  const originals = records.filter((record) => record.id.endsWith('-org'));
  const firstDuplicates = records.filter((record) => record.id.endsWith('-dup-0'));
  const truth = febrlEntities([...originals, ...firstDuplicates].map((record) => record.id));
  results.push(run(`febrl-${set}-a-vs-b`, originals, truth, firstDuplicates));
}
const chinese = chineseBenchSet(10_000, 7);
results.push(run('chinese-10k', readRevisitCsv(chinese.csv, 'chinese-10k'), chinese.personOf));
const large = chineseBenchSet(77_000, 11);
results.push(run('chinese-100k-speed', readRevisitCsv(large.csv, 'chinese-100k'), large.personOf));

const acceptance = results
  .filter((r) => r.name !== 'chinese-100k-speed')
  .every((r) => r.f1 >= 0.99 && r.precision >= 0.995);
const speed = results.find((r) => r.name === 'chinese-100k-speed');
const report = {
  generatedAt: new Date().toISOString(),
  node: process.version,
  acceptance: {
    quality: acceptance,
    speedUnder60s: speed !== undefined && speed.records >= 100_000 && speed.seconds < 60,
  },
  results,
};
mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
writeFileSync(path.join(root, 'bench', 'results', 'empi.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(
  `quality acceptance: ${report.acceptance.quality ? 'pass' : 'FAIL'}; 100k under 60 s: ${report.acceptance.speedUnder60s ? 'pass' : 'FAIL'}`,
);
