// `npm run bench:analytics`: (1) bulk-generates read-model rows standing for 10,000,000 outcome events
// (BENCH_EVENTS to change), then times each dashboard query as the API runs it (p50/p95 over BENCH_RUNS runs,
// goal p95 < 300 ms); (2) the consumer's ingestion rate into the read model through Kafka, beside a raw
// multi-row INSERT of the same rows in the same run. Writes bench/results/analytics.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createKafkaClient, silentLogger } from '@revisit/messaging';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ANALYTICS_MIGRATIONS } from '../apps/analytics/src/database/migrations';
import { type MetricQuery } from '../apps/analytics/src/query/metric-query';
import { METRIC_COMPUTERS } from '../apps/analytics/src/query/metric-registry';
import { attemptEvents, consumerIngestionRate, rawInsertRate } from './analytics/ingestion-rate';
import { eventsOf, planFor, seedReadModels } from './analytics/seed-read-models';
import { provisionBroker } from './lib/bench-broker';
import { machineInfo } from './lib/machine-info';

const root = path.resolve(__dirname, '..', '..');
const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const INGEST_EVENTS = Number(process.env.BENCH_INGEST_EVENTS ?? 20_000);
const BASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const GOAL_P95_MS = 300;
const runId = `${process.pid}${Date.now().toString(36)}`;

/** The dashboard's default views: one organisation, this month and this quarter, some grouped. */
const VIEWS: { metric: string; groupBy?: MetricQuery['groupBy']; days: number }[] = [
  { metric: 'follow-up-task-counts', groupBy: 'department', days: 31 },
  { metric: 'follow-up-on-time-rate', days: 31 },
  { metric: 'reach-rate-by-channel', days: 31 },
  { metric: 'robot-call-share', days: 31 },
  { metric: 'agent-workload', days: 31 },
  { metric: 'attempts-per-completion', groupBy: 'department', days: 31 },
  { metric: 'net-promoter-score', groupBy: 'department', days: 31 },
  { metric: 'customer-satisfaction', days: 31 },
  { metric: 'survey-response-rate', days: 31 },
  { metric: 'complaints-by-kind', days: 31 },
  { metric: 'complaint-median-resolution', days: 31 },
  { metric: 'no-show-rate', groupBy: 'department', days: 31 },
  { metric: 'follow-up-task-counts', groupBy: 'period', days: 92 },
  { metric: 'patient-retention-rate', days: 92 },
  { metric: 'churn-rate', days: 92 },
  { metric: 'patient-lifetime-value', days: 92 },
  { metric: 'average-time-between-visits', days: 92 },
  { metric: 'net-promoter-score', groupBy: 'ageBand', days: 92 },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function scratchDatabase(name: string, drop = false): Promise<string> {
  const admin = new Client({ connectionString: BASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  if (!drop) await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(BASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function main(): Promise<void> {
  const dbName = `revisit_bench_analytics_${runId}`;
  const db = new DataSource({
    type: 'postgres',
    url: await scratchDatabase(dbName),
    migrations: ANALYTICS_MIGRATIONS,
    extra: { max: 8 },
  });
  await db.initialize();
  await db.runMigrations();
  const broker = await provisionBroker();
  try {
    const plan = planFor(EVENTS);
    console.log(`analytics bench: rows for ${eventsOf(plan)} events (${JSON.stringify(plan)})`);
    const seedStarted = Date.now();
    await seedReadModels(db, plan, '2025-01-01');
    const seedSeconds = (Date.now() - seedStarted) / 1000;
    console.log(`  generated in ${seedSeconds.toFixed(0)} s`);

    const queries = [];
    for (const view of VIEWS) {
      const to = '2026-06-30';
      const from = new Date(Date.parse(`${to}T00:00:00Z`) - (view.days - 1) * 86_400_000).toISOString().slice(0, 10);
      const query: MetricQuery = {
        org: 'org-3',
        from,
        to,
        ...(view.groupBy === undefined ? {} : { groupBy: view.groupBy }),
        interval: 'month',
        filters: {},
        asOf: '2026-07-01T00:00:00+08:00',
        params: { activeDays: 365, cadenceDays: 90, slaHours: 72, graceDays: 7, classSystem: 'ATC', level: 0.95 },
      };
      const ctx = { db: db.manager, zone: 'Asia/Shanghai' };
      await METRIC_COMPUTERS[view.metric]!(ctx, query); // warm-up: plan cache and shared buffers
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const started = process.hrtime.bigint();
        await METRIC_COMPUTERS[view.metric]!(ctx, query);
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      times.sort((a, b) => a - b);
      const result = {
        metric: view.metric,
        groupBy: view.groupBy ?? null,
        days: view.days,
        p50Ms: Number(percentile(times, 50).toFixed(1)),
        p95Ms: Number(percentile(times, 95).toFixed(1)),
        meetsGoal: percentile(times, 95) < GOAL_P95_MS,
      };
      queries.push(result);
      console.log(
        `  ${view.metric}${view.groupBy ? ` by ${view.groupBy}` : ''} (${view.days} d): p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms`,
      );
    }

    const kafka = createKafkaClient({ clientId: 'bench-analytics', brokers: broker.brokers, logger: silentLogger });
    const events = attemptEvents(INGEST_EVENTS, `org-bench-${runId}`);
    const raw = await rawInsertRate(db, events);
    console.log(`  baseline raw INSERT into the read model: ${raw} rows/s`);
    const consumed = await consumerIngestionRate(kafka, db, events, runId);
    console.log(
      `  consumer (Kafka -> inbox + read model): ${consumed} events/s (${(consumed / raw).toFixed(2)} of raw)`,
    );

    const report = {
      date: new Date().toISOString(),
      machine: machineInfo(),
      broker: broker.provisioned,
      settings: { events: eventsOf(plan), plan, runs: RUNS, ingestEvents: INGEST_EVENTS, goalP95Ms: GOAL_P95_MS },
      seedSeconds: Number(seedSeconds.toFixed(1)),
      queries,
      allMeetGoal: queries.every((q) => q.meetsGoal),
      ingestion: {
        consumerEventsPerSecond: consumed,
        baselineRawInsertRowsPerSecond: raw,
        ratio: Number((consumed / raw).toFixed(2)),
      },
    };
    const out = path.join(root, 'bench', 'results', 'analytics.json');
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`wrote ${path.relative(root, out)}`);
  } finally {
    await broker.release();
    await db.destroy();
    await scratchDatabase(dbName, true);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
