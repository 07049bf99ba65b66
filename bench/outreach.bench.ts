// `npm run bench:outreach`: the agents' worklist over 1,000,000 open tasks with 100 concurrent agents
// (p50/p95/p99 of the statement the endpoint runs: query and audit-log rows), next to a baseline measured in
// the same run (the bare query, prepared, through pg), and attempts recorded per second through the
// escalation use case (attempt row, call-audit draw, policy, task update, outbox event). Writes
// bench/results/outreach.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DomainEventCatalogue, Outbox } from '@revisit/messaging';
import { type Principal } from '@revisit/platform';
import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import { OUTREACH_MIGRATIONS } from '../apps/outreach/src/database/migrations';
import { OUTREACH_SCHEMA } from '../apps/outreach/src/database/outreach-schema';
import { nextCallSlot } from '../apps/outreach/src/escalation/next-call-slot';
import { recordAttempt } from '../apps/outreach/src/escalation/record-attempt';
import { TCM_PHONE_RULES } from '../apps/outreach/src/escalation/tcm-phone-policy';
import { OutreachTaskRepository } from '../apps/outreach/src/tasks/outreach-task.repository';
import { queryWorklistAudited, WORKLIST_SQL } from '../apps/outreach/src/worklist/worklist.query';
import { LatencyRecorder } from './lib/latency-stats';
import { machineInfo } from './lib/machine-info';

const root = path.resolve(__dirname, '..', '..');
const BASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TASKS = Number(process.env.BENCH_OUTREACH_TASKS ?? 1_000_000);
const AGENTS = 100;
const REQUESTS_PER_AGENT = Number(process.env.BENCH_OUTREACH_REQUESTS ?? 20);
const ATTEMPTS = Number(process.env.BENCH_OUTREACH_ATTEMPTS ?? 2000);
const ORGS = 20;
const GOAL_P95_MS = 100;
const DB_NAME = `outreach_bench_${process.pid}`;

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: BASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** 1,000,000 open agent-call tasks over 20 organisations, due over the past day, mixed priorities. */
async function load(dataSource: DataSource): Promise<number> {
  const started = performance.now();
  await dataSource.query(`
    INSERT INTO "${OUTREACH_SCHEMA}".task (id, org_id, patient_id, status, purpose, due_at, call_slot, channel_ladder,
        current_channel, assignee_staff_id, priority, priority_rank, next_attempt_at)
    SELECT gen_random_uuid(), 'org-' || (i % ${ORGS}), 'EP' || lpad(i::text, 9, '0'), 'open', 'post-visit',
           now() - (i % 86400) * interval '1 second', CASE WHEN i % 2 = 0 THEN '10:30' ELSE '16:00' END,
           ARRAY['phone-agent', 'sms'], 'phone-agent', CASE WHEN i % 10 = 0 THEN 'staff-' || (i % 500) END,
           (ARRAY['low', 'normal', 'high', 'urgent'])[1 + i % 4], i % 4, now() - (i % 86400) * interval '1 second'
      FROM generate_series(1, ${TASKS}) AS i`);
  await dataSource.query(`ANALYZE "${OUTREACH_SCHEMA}".task`);
  return (performance.now() - started) / 1000;
}

function principalOf(agent: number): Principal {
  return {
    subject: `agent-${agent}`,
    issuer: 'bench',
    roles: ['agent'],
    orgIds: [`org-${agent % ORGS}`],
    staffId: `staff-${agent}`,
    name: undefined,
  };
}

async function concurrently(run: (agent: number) => Promise<void>): Promise<number> {
  const started = performance.now();
  await Promise.all(
    Array.from({ length: AGENTS }, async (_, agent) => {
      for (let i = 0; i < REQUESTS_PER_AGENT; i += 1) await run(agent);
    }),
  );
  return (performance.now() - started) / 1000;
}

function stats(latency: LatencyRecorder, seconds: number) {
  return {
    requests: latency.count,
    seconds: Number(seconds.toFixed(2)),
    requestsPerSecond: Math.round(latency.count / seconds),
    p50Ms: Number(latency.percentile(50).toFixed(1)),
    p95Ms: Number(latency.percentile(95).toFixed(1)),
    p99Ms: Number(latency.percentile(99).toFixed(1)),
  };
}

async function main(): Promise<void> {
  const machine = machineInfo();
  await admin(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${DB_NAME}"`);
  const url = new URL(BASE_URL);
  url.pathname = `/${DB_NAME}`;
  const dataSource = new DataSource({
    type: 'postgres',
    url: url.toString(),
    migrations: OUTREACH_MIGRATIONS,
    extra: { max: 20 },
  });
  try {
    await dataSource.initialize();
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${OUTREACH_SCHEMA}"`);
    await dataSource.runMigrations();
    const loadSeconds = await load(dataSource);
    console.log(`loaded ${TASKS} open tasks in ${loadSeconds.toFixed(1)} s`);

    // Baseline: the bare query through pg, same pool size, same concurrency.
    const pool = new Pool({ connectionString: url.toString(), max: 20 });
    const baseline = new LatencyRecorder();
    const baselineSeconds = await concurrently(async (agent) => {
      const p = principalOf(agent);
      const t0 = performance.now();
      // Prepared like the endpoint's statement, so the two differ only by the audit-log rows.
      await pool.query({
        name: 'worklist-bare',
        text: WORKLIST_SQL,
        values: [p.orgIds, new Date(), p.staffId, `bench|${p.subject}`, null, 20],
      });
      baseline.record(performance.now() - t0);
    });
    await pool.end();

    const worklist = new LatencyRecorder();
    const worklistSeconds = await concurrently(async (agent) => {
      const p = principalOf(agent);
      const t0 = performance.now();
      await queryWorklistAudited(
        dataSource.manager,
        {
          orgIds: p.orgIds,
          staffId: p.staffId ?? p.subject,
          leaseOwner: `bench|${p.subject}`,
          callSlot: undefined,
          limit: 20,
          now: new Date(),
        },
        p,
      );
      worklist.record(performance.now() - t0);
    });

    const outbox = new Outbox(OUTREACH_SCHEMA, new DomainEventCatalogue());
    const escalation = {
      outbox,
      settings: TCM_PHONE_RULES,
      proposeNextCall: (_task: unknown, after: Date) => nextCallSlot(after, '10:30', 'Asia/Shanghai'),
    };
    const ids: { id: string; org_id: string }[] = await dataSource.query(
      `SELECT id, org_id FROM "${OUTREACH_SCHEMA}".task ORDER BY random() LIMIT ${ATTEMPTS}`,
    );
    const attemptsStarted = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < ids.length) {
          const row = ids[next++]!;
          await dataSource.transaction(async (manager) => {
            const task = await new OutreachTaskRepository(manager).lock(row.id, [row.org_id]);
            if (!task) return;
            const now = new Date();
            await recordAttempt(
              manager,
              task,
              {
                channel: 'phone-agent',
                disposition: 'no-answer',
                startedAt: now,
                endedAt: now,
                talkSeconds: 0,
                agentStaffId: 'staff-1',
                // Recorded calls also draw for the quality audit in the same transaction.
                recordingRef: `rec/${row.id}.wav`,
              },
              escalation,
            );
          });
        }
      }),
    );
    const attemptSeconds = (performance.now() - attemptsStarted) / 1000;

    const report = {
      benchmark: 'outreach',
      measuredAt: new Date().toISOString(),
      machine,
      openTasks: TASKS,
      organisations: ORGS,
      concurrentAgents: AGENTS,
      loadSeconds: Number(loadSeconds.toFixed(1)),
      goal: { worklistP95Ms: GOAL_P95_MS },
      baselineBareSql: stats(baseline, baselineSeconds),
      worklistWithAudit: stats(worklist, worklistSeconds),
      attempts: {
        recorded: ids.length,
        seconds: Number(attemptSeconds.toFixed(2)),
        perSecond: Math.round(ids.length / attemptSeconds),
      },
      note: 'worklist = the endpoint statement: query plus its audit-log rows in one statement (no HTTP or JWT); attempts = attempt row, call-audit draw, escalation policy, task update and outbox event per transaction, 16 in parallel',
    };
    report['goalMet' as keyof typeof report] = (report.worklistWithAudit.p95Ms < GOAL_P95_MS) as never;
    console.log(JSON.stringify(report, null, 2));
    const out = path.join(root, 'bench', 'results', 'outreach.json');
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await admin(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
