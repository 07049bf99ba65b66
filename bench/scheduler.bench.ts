// `npm run bench:scheduler`: (1) derivation throughput of the plan engine on catalogue dispense events, beside
// the bare event mapping as baseline; (2) dispatch lateness (due time -> task-due event received from Kafka)
// with 1,000,000 pending tasks in PostgreSQL, the real dispatcher + outbox relay beside a plain
// SELECT ... FOR UPDATE SKIP LOCKED loop publishing with raw kafkajs. Writes bench/results/scheduler.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type AnyEventEnvelope, EVENT_CATALOGUE, newEvent } from '@revisit/domain';
import {
  createKafkaClient,
  DomainEventCatalogue,
  ensureTopics,
  KafkaProducerAdapter,
  Outbox,
  OutboxRelay,
  silentLogger,
} from '@revisit/messaging';
import { type Kafka } from 'kafkajs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { SCHEDULER_MIGRATIONS } from '../apps/scheduler/src/database/migrations';
import { patientEventsOf } from '../apps/scheduler/src/derivation/catalogue-adapter';
import { deriveTasks } from '../apps/scheduler/src/derivation/derive-tasks';
import { AssignDueTasks } from '../apps/scheduler/src/dispatch/assign-due-tasks';
import { DispatchDueTasks } from '../apps/scheduler/src/dispatch/dispatch-due-tasks';
import { TaskDispatcher } from '../apps/scheduler/src/dispatch/task-dispatcher';
import { PlanDocuments } from '../apps/scheduler/src/plan-store/plan-documents';
import { loadBuiltinTemplates } from '../apps/scheduler/src/plans/builtin-templates';
import { provisionBroker } from './lib/bench-broker';
import { LatencyRecorder } from './lib/latency-stats';
import { machineInfo } from './lib/machine-info';

const root = path.resolve(__dirname, '..', '..');
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 5_000);
const EVENTS_PER_PATIENT = 4;
const DERIVATION_PASSES = 3;
const PENDING = Number(process.env.BENCH_PENDING ?? 1_000_000);
const WINDOW_TASKS = Number(process.env.BENCH_WINDOW_TASKS ?? 5_000);
const WINDOW_MS = 10_000;
const LEAD_MS = 3_000;
const DUE_TOPIC = 'revisit.followup.task-due.v1';
const runId = Date.now().toString(36);
/** Per run: on a shared broker (KAFKA_BROKERS) the task-due topic also carries other runs' and tests' events. */
const ORG = `org-bench-${runId}`;

function dispense(patient: number, k: number): AnyEventEnvelope {
  const example = EVENT_CATALOGUE['revisit.clinical.medication-dispensed.v1'].example;
  const subject = `EPB${patient.toString().padStart(8, '0')}`;
  const at = new Date(Date.UTC(2027, 0, 5 + k * 50, 2, 0)).toISOString().replace('Z', '+00:00');
  return newEvent('revisit.clinical.medication-dispensed.v1', {
    source: 'revisit/ingest',
    subject,
    orgid: ORG,
    data: {
      ...example,
      orgId: ORG,
      dispenseId: `SO-${patient}-${k}`,
      patient: { enterpriseId: subject, sourceSystem: 'pharmacy-erp', localId: `M-${patient}` },
      dispensedAt: at,
      prescription: { prescriptionId: `RX-${patient}-${k}`, startDate: at.slice(0, 10) },
    },
  });
}

/** (1) Events/s through mapping + derivation with the seven built-in plans, one patient history at a time. */
function derivation(): {
  engineEventsPerSecond: number;
  passes: number[];
  mappingOnlyEventsPerSecond: number;
  tasks: number;
} {
  const plans = loadBuiltinTemplates();
  const histories = Array.from({ length: PATIENTS }, (_, p) =>
    Array.from({ length: EVENTS_PER_PATIENT }, (__, k) => dispense(p, k)),
  );
  const events = PATIENTS * EVENTS_PER_PATIENT;
  let started = performance.now();
  let mapped = 0;
  for (const history of histories) mapped += history.flatMap(patientEventsOf).length;
  const mappingSeconds = (performance.now() - started) / 1000;
  // Best of three passes: the machine is shared, and a burst of someone else's work during one short pass
  // says nothing about the engine. Every pass is reported.
  const passes: number[] = [];
  let tasks = 0;
  for (let pass = 0; pass < DERIVATION_PASSES; pass++) {
    started = performance.now();
    tasks = 0;
    for (const history of histories) {
      tasks += deriveTasks(plans, history.flatMap(patientEventsOf), { now: '2027-01-01T00:00:00+08:00' }).tasks.length;
    }
    passes.push(Math.round(events / ((performance.now() - started) / 1000)));
  }
  if (mapped !== events) throw new Error(`mapped ${mapped} of ${events} events`);
  return {
    engineEventsPerSecond: Math.max(...passes),
    passes,
    mappingOnlyEventsPerSecond: Math.round(events / mappingSeconds),
    tasks,
  };
}

async function scratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `scheduler_bench_${runId}`;
  const admin = new Client({ connectionString: DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const again = new Client({ connectionString: DATABASE_URL });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await again.end();
    },
  };
}

/** Inserts `count` pending tasks due between `fromMs` and `fromMs + spanMs` (evenly spread), in SQL. */
async function insertTasks(db: DataSource, tag: string, count: number, fromMs: number, spanMs: number): Promise<void> {
  const chunk = 100_000;
  for (let offset = 0; offset < count; offset += chunk) {
    await db.query(
      `INSERT INTO scheduler.follow_up_task (id, org_id, patient_id, plan_id, plan_version, step_id, trigger_event_id,
          due_at, due_at_local, status, purpose, reason, assignee_queue, priority, channel_ladder, derived, send_until)
       SELECT gen_random_uuid(), $1, 'EPB' || lpad(i::text, 8, '0'), 'pharmacy-chronic', 1, 'first', gen_random_uuid(),
              d.due, to_char(d.due AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'pending', 'bench', 'bench',
              'pharmacy-follow-up', 'normal', '["phone"]'::jsonb,
              jsonb_build_object('planId', 'pharmacy-chronic', 'planVersion', 1, 'stepId', 'first', 'occurrence', 0,
                'patientId', 'EPB' || lpad(i::text, 8, '0'), 'triggerKey', $2::text || i,
                'due', to_char(d.due AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                'purpose', 'First follow-up', 'channel', 'phone', 'channels', '["phone"]'::jsonb, 'priority', 'normal',
                'assignee', jsonb_build_object('queue', 'pharmacy-follow-up'), 'reason', 'bench'),
              d.due + interval '7 days'
         FROM generate_series($3::int, $4::int) AS i,
              LATERAL (SELECT to_timestamp(($5::float8 + (i - $3) * $6::float8) / 1000) AS due) d`,
      [ORG, tag, offset, Math.min(count, offset + chunk) - 1, fromMs + (offset * spanMs) / count, spanMs / count],
    );
  }
}

interface Lateness {
  tasks: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Collects task-due events from Kafka and records received-at minus dueAt, until `expected` arrived. */
async function lateness(kafka: Kafka, group: string, topic: string, expected: number, work: () => Promise<void>) {
  const latency = new LatencyRecorder();
  let seen = 0;
  let resolveDone: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (resolveDone = resolve));
  const consumer = kafka.consumer({ groupId: group });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    eachMessage: ({ message }) => {
      const event = JSON.parse(message.value?.toString() ?? '{}') as { data?: { dueAt?: string; orgId?: string } };
      if (event.data?.orgId !== ORG) return Promise.resolve();
      if (event.data.dueAt) latency.record(Date.now() - Date.parse(event.data.dueAt));
      if (++seen === expected) resolveDone();
      return Promise.resolve();
    },
  });
  await work();
  await done;
  await consumer.disconnect();
  const result: Lateness = {
    tasks: latency.count,
    p50Ms: Math.round(latency.percentile(50)),
    p99Ms: Math.round(latency.percentile(99)),
    maxMs: Math.round(latency.percentile(100)),
  };
  return result;
}

/** Baseline: the simplest correct loop, no outbox (a crash between send and commit would double or lose). */
async function baselineLoop(db: DataSource, kafka: Kafka, topic: string, until: number): Promise<void> {
  const producer = kafka.producer();
  await producer.connect();
  while (Date.now() < until) {
    const sent = await db.transaction(async (manager) => {
      const rows: { id: string; derived: { due: string; patientId: string } }[] = await manager.query(
        `UPDATE scheduler.follow_up_task t SET status = 'due' FROM (
           SELECT id FROM scheduler.follow_up_task WHERE status = 'pending' AND due_at <= now()
            ORDER BY due_at LIMIT 500 FOR UPDATE SKIP LOCKED) b
          WHERE t.id = b.id RETURNING t.id, t.derived`,
      );
      const list = Array.isArray(rows[0]) ? (rows[0] as typeof rows) : rows;
      if (list.length > 0) {
        await producer.send({
          topic,
          messages: list.map((row) => ({
            key: row.derived.patientId,
            value: JSON.stringify({ data: { taskId: row.id, dueAt: row.derived.due, orgId: ORG } }),
          })),
        });
      }
      return list.length;
    });
    if (sent === 0) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await producer.disconnect();
}

async function dispatchBench(kafka: Kafka): Promise<{ pending: number; scheduler: Lateness; baseline: Lateness }> {
  const scratch = await scratchDatabase();
  const db = new DataSource({
    type: 'postgres',
    url: scratch.url,
    migrations: SCHEDULER_MIGRATIONS,
    extra: { max: 8 },
  });
  await db.initialize();
  try {
    await db.query('CREATE SCHEMA IF NOT EXISTS scheduler');
    await db.runMigrations();
    const farFuture = Date.now() + 30 * 24 * 3600_000;
    await insertTasks(db, 'future', PENDING, farFuture, 365 * 24 * 3600_000);
    await db.query('VACUUM ANALYZE scheduler.follow_up_task');
    const baselineTopic = `bench.${runId}.baseline-due`;
    await ensureTopics(kafka, [
      { topic: DUE_TOPIC, partitions: 6 },
      { topic: baselineTopic, partitions: 6 },
    ]);

    // The real path: dispatcher rounds (outbox rows) -> relay -> Kafka.
    const producer = new KafkaProducerAdapter(kafka);
    await producer.connect();
    const relay = new OutboxRelay(
      db,
      producer,
      { schema: 'scheduler', pollIntervalMs: 200, retentionMs: 0 },
      silentLogger,
    );
    const outbox = new Outbox('scheduler', new DomainEventCatalogue());
    const dispatcher = new TaskDispatcher(
      new DispatchDueTasks(db, outbox, new AssignDueTasks(new PlanDocuments(loadBuiltinTemplates()))),
      {
        batchSize: 500,
        idleMs: 100,
        maxPerSecond: 100_000,
        onError: (error) => console.error(error),
      },
    );
    let start = Date.now() + LEAD_MS;
    await insertTasks(db, 'window-a', WINDOW_TASKS, start, WINDOW_MS);
    const scheduler = await lateness(kafka, `bench.${runId}.scheduler`, DUE_TOPIC, WINDOW_TASKS, async () => {
      await relay.start();
      dispatcher.start();
      await Promise.resolve();
    });
    await dispatcher.stop();
    await relay.stop();
    await producer.disconnect();

    start = Date.now() + LEAD_MS;
    await insertTasks(db, 'window-b', WINDOW_TASKS, start, WINDOW_MS);
    let loop: Promise<void> = Promise.resolve();
    const baseline = await lateness(kafka, `bench.${runId}.baseline`, baselineTopic, WINDOW_TASKS, () => {
      loop = baselineLoop(db, kafka, baselineTopic, start + WINDOW_MS + 60_000);
      return Promise.resolve();
    });
    await loop.catch(() => undefined);
    return { pending: PENDING, scheduler, baseline };
  } finally {
    await db.destroy();
    await scratch.drop();
  }
}

async function main(): Promise<void> {
  const machine = machineInfo();
  console.log(`scheduler bench: ${PATIENTS} patients x ${EVENTS_PER_PATIENT} dispenses; ${PENDING} pending tasks`);
  const derived = derivation();
  console.log(
    `(1) derivation: ${derived.engineEventsPerSecond} events/s, best of ${derived.passes.join(' / ')} (mapping alone ${derived.mappingOnlyEventsPerSecond} events/s, ${derived.tasks} tasks)`,
  );
  const broker = await provisionBroker();
  const kafka = createKafkaClient({ clientId: 'bench-scheduler', brokers: broker.brokers, logger: silentLogger });
  try {
    const dispatch = await dispatchBench(kafka);
    console.log(
      `(2) dispatch lateness, ${dispatch.pending} pending: scheduler p50 ${dispatch.scheduler.p50Ms} ms, p99 ${dispatch.scheduler.p99Ms} ms; ` +
        `baseline loop p50 ${dispatch.baseline.p50Ms} ms, p99 ${dispatch.baseline.p99Ms} ms`,
    );
    const report = {
      date: new Date().toISOString(),
      machine,
      broker: broker.provisioned,
      settings: {
        patients: PATIENTS,
        eventsPerPatient: EVENTS_PER_PATIENT,
        derivationPasses: DERIVATION_PASSES,
        pending: PENDING,
        windowTasks: WINDOW_TASKS,
        windowMs: WINDOW_MS,
      },
      derivation: derived,
      dispatch,
      goals: { derivationEventsPerSecond: 5000, dispatchP99Ms: 2000 },
      goalsMet: {
        derivationEventsPerSecond: derived.engineEventsPerSecond >= 5000,
        dispatchP99Ms: dispatch.scheduler.p99Ms < 2000,
      },
    };
    const out = path.join(root, 'bench', 'results', 'scheduler.json');
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`wrote ${path.relative(root, out)}`);
  } finally {
    await broker.release();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
