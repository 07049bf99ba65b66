// Renders bench/REPORT.md from bench/results/*.json. Pure: the files' contents in, the Markdown out.
// Each bench writes its own shape, so each has a small reader; an unknown file still gets a row from its
// `goalsMet`, and a field a file lacks shows as "?" rather than failing the whole report.

export interface BenchResultFile {
  /** The file's base name without .json, e.g. "pipeline". */
  readonly name: string;
  readonly json: unknown;
}

export interface ReportRow {
  readonly bench: string;
  readonly figure: string;
  readonly baseline: string;
  readonly goal: string;
  /** Undefined when the file does not say. */
  readonly met: boolean | undefined;
  readonly date: string;
  readonly machine: string;
}

type Json = Record<string, unknown>;

function at(json: unknown, path: string): unknown {
  let value: unknown = json;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Json)[key];
  }
  return value;
}

function num(json: unknown, path: string): string {
  const value = at(json, path);
  return typeof value === 'number' && Number.isFinite(value) ? value.toLocaleString('en-US') : '?';
}

function allTrue(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'object' || value === null) return undefined;
  const flags = Object.values(value as Json);
  return flags.length > 0 && flags.every((flag) => typeof flag === 'boolean') ? flags.every(Boolean) : undefined;
}

function machineOf(json: unknown): string {
  const machine = at(json, 'machine');
  if (typeof machine !== 'object' || machine === null) {
    const node = at(json, 'node');
    return typeof node === 'string' ? `node ${node}` : '?';
  }
  const load = at(machine, 'loadAverage');
  return [
    `${num(machine, 'cpuCount')} × ${String(at(machine, 'cpuModel') ?? '?')}`,
    `${num(machine, 'memoryGb')} GB`,
    String(at(machine, 'node') ?? '?'),
    Array.isArray(load) ? `load ${load.join('/')}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
}

function dateOf(json: unknown): string {
  const date = at(json, 'date') ?? at(json, 'measuredAt') ?? at(json, 'generatedAt');
  return typeof date === 'string' ? date.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC') : '?';
}

type Reader = (json: unknown) => Omit<ReportRow, 'bench' | 'date' | 'machine'>;

const READERS: Readonly<Record<string, Reader>> = {
  pipeline: (r) => ({
    figure:
      `${num(r, 'pipeline.eventsPerSecond')} events/s feed → task (${num(r, 'settings.messages')} dispenses), p99 ${num(r, 'pipeline.p99Ms')} ms, ` +
      `peak RSS ${Object.entries((at(r, 'rssMb') as Json | undefined) ?? {})
        .map(([service, mb]) => `${service} ${String(mb)} MB`)
        .join(', ')}`,
    baseline: `raw kafkajs ${num(r, 'rawKafkajs.eventsPerSecond')} events/s (ratio ${num(r, 'ratio')})`,
    goal: `≥ ${num(r, 'goals.ratio')}× raw, ≥ ${num(r, 'goals.eventsPerSecond')} events/s, p99 < ${num(r, 'goals.p99Ms')} ms, RSS < ${num(r, 'goals.rssMb')} MB`,
    met: allTrue(at(r, 'goalsMet')),
  }),
  messaging: (r) => ({
    figure: `outbox → inbox ${num(r, 'outboxPipeline.eventsPerSecond')} events/s, p99 ${num(r, 'outboxPipeline.p99Ms')} ms`,
    baseline: `raw kafkajs ${num(r, 'rawKafkajs.eventsPerSecond')} events/s (ratio ${num(r, 'ratio')})`,
    goal: `≥ ${num(r, 'goals.ratio')}× raw, ≥ ${num(r, 'goals.eventsPerSecond')} events/s`,
    met: allTrue(at(r, 'goalsMet')),
  }),
  ingest: (r) => ({
    figure:
      `HL7 stored before ACK ${num(r, 'ingestStoreBeforeAck.eventsPerSecond')} msg/s ` +
      `(${num(r, 'settings.connections')} conn.), ${num(r, 'hospitalLoad.ingestStoreBeforeAck.eventsPerSecond')} msg/s (${num(r, 'settings.wideConnections')} conn.)`,
    baseline: `bare MLLP ACK ${num(r, 'bareMllpBaseline.eventsPerSecond')} msg/s`,
    goal: `≥ ${num(r, 'goals.messagesPerSecond')} msg/s`,
    met: allTrue(at(r, 'goalsMet')),
  }),
  scheduler: (r) => ({
    figure: `derivation ${num(r, 'derivation.engineEventsPerSecond')} events/s; dispatch p99 ${num(r, 'dispatch.scheduler.p99Ms')} ms late`,
    baseline: `bare dispatch loop p99 ${num(r, 'dispatch.baseline.p99Ms')} ms`,
    goal: `≥ ${num(r, 'goals.derivationEventsPerSecond')} events/s, p99 < ${num(r, 'goals.dispatchP99Ms')} ms`,
    met: allTrue(at(r, 'goalsMet')),
  }),
  outreach: (r) => ({
    figure: `worklist p95 ${num(r, 'worklistWithAudit.p95Ms')} ms (${num(r, 'openTasks')} open tasks)`,
    baseline: `bare SQL p95 ${num(r, 'baselineBareSql.p95Ms')} ms`,
    goal: `p95 < ${num(r, 'goal.worklistP95Ms')} ms`,
    met: allTrue(at(r, 'goalMet')),
  }),
  analytics: (r) => {
    const queries = at(r, 'queries');
    const p95s = Array.isArray(queries) ? queries.map((q) => at(q, 'p95Ms')).filter((v) => typeof v === 'number') : [];
    return {
      figure: `slowest query p95 ${p95s.length > 0 ? Math.max(...(p95s as number[])).toLocaleString('en-US') : '?'} ms over ${num(r, 'settings.events')} events`,
      baseline: `ingestion ${num(r, 'ingestion.consumerEventsPerSecond')} events/s vs raw insert ${num(r, 'ingestion.baselineRawInsertRowsPerSecond')} rows/s`,
      goal: `p95 < ${num(r, 'settings.goalP95Ms')} ms`,
      met: allTrue(at(r, 'allMeetGoal')),
    };
  },
  empi: (r) => {
    const results = at(r, 'results');
    const f1s = Array.isArray(results) ? results.map((x) => at(x, 'f1')).filter((v) => typeof v === 'number') : [];
    return {
      figure: `lowest F1 ${f1s.length > 0 ? Math.min(...(f1s as number[])).toFixed(3) : '?'} over ${Array.isArray(results) ? results.length : '?'} data sets`,
      baseline: '—',
      goal: 'quality and < 60 s',
      met: allTrue(at(r, 'acceptance')),
    };
  },
};

const generic: Reader = (r) => ({
  figure: '?',
  baseline: '—',
  goal: JSON.stringify(at(r, 'goals') ?? '?'),
  met: allTrue(at(r, 'goalsMet')),
});

export function reportRow(file: BenchResultFile): ReportRow {
  return {
    bench: file.name,
    ...(READERS[file.name] ?? generic)(file.json),
    date: dateOf(file.json),
    machine: machineOf(file.json),
  };
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderReport(files: readonly BenchResultFile[]): string {
  const rows = [...files].sort((a, b) => a.name.localeCompare(b.name)).map(reportRow);
  const lines = [
    '# Benchmark report',
    '',
    'Generated by `npm run bench` from `bench/results/*.json`; each row is as of the date and machine it ran on',
    '(load average at the start: other work on a shared machine skews the figures).',
    '',
    '| bench | figure | baseline | goal | met? | date | machine |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (row) =>
        `| ${[row.bench, row.figure, row.baseline, row.goal, row.met === undefined ? '?' : row.met ? 'yes' : 'no', row.date, row.machine].map(cell).join(' | ')} |`,
    ),
    '',
  ];
  return lines.join('\n');
}
