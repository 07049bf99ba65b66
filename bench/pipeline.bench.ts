// `npm run bench:pipeline`: the whole pipeline on the real services, each a built child process: HL7 RDS^O13
// dispenses over MLLP into ingest (store before ACK, outbox) -> Kafka -> scheduler (inbox, `pharmacy-chronic`
// derivation, task rows). Reports events/s from the first message sent to the last expected task stored,
// per-message latency (message sent -> its first task row committed), each service's peak RSS, and beside it
// raw kafkajs produce -> consume on the same broker in the same run. Writes bench/results/pipeline.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL } from '@revisit/local-infra';
import { createKafkaClient, silentLogger } from '@revisit/messaging';
import { decodeMllpFrames, encodeMllpFrame } from '../apps/ingest/src/hl7v2/framing/mllp';
import { addSource } from '../apps/ingest/src/sources/use-cases/manage-sources';
import { provisionBroker } from './lib/bench-broker';
import { LatencyRecorder } from './lib/latency-stats';
import { machineInfo } from './lib/machine-info';
import { rawKafkajsPassthrough } from './lib/raw-kafkajs';
import { freePort } from '@revisit/testing';
import { type ServiceChild, startServiceChild } from './lib/service-child';

const root = path.resolve(__dirname, '..', '..');
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 20_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 50);
const RAW_EVENTS = Number(process.env.BENCH_RAW_EVENTS ?? 50_000);
// Without progress for this long the run has failed (a service stuck or an event lost), not just slow.
const STALL_MS = Number(process.env.BENCH_STALL_MS ?? 60_000);
const ORG = 'org-bench-pipeline';
const IDENTIFIER_SYSTEM = 'BENCH-PHARM';
const runId = Date.now().toString(36);
const GOALS = { ratio: 0.5, eventsPerSecond: 5000, p99Ms: 1000, rssMb: 256 };

/** HL7 DTM in Asia/Shanghai, as the pharmacy system stamps it. */
function hl7Now(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

const DIGITS = '零一二三四五六七八九';

/**
 * PID-5 onwards for a distinct person per n: ingest's EMPI links records that agree on name, birth date and
 * phone, and patients it linked would share one therapy course and so one set of tasks.
 */
function person(n: number): string {
  const given = [...String(n)].map((d) => DIGITS[Number(d)]).join('');
  // A different birth date for each of 20,000 consecutive n (about 55 years of days from 1940).
  const born = new Date(Date.UTC(1940, 0, 1) + (n % 20_000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  return `测试^${given}||${born}|${n % 2 === 0 ? 'F' : 'M'}|||||139${String(n).padStart(8, '0')}`;
}

/**
 * A chronic dispense as libs/sample-data writes it: amlodipine (ATC C08CA01) with a sig and a 28-day supply,
 * one patient per message so every message starts its own therapy course and derives its own tasks.
 */
function dispense(dispenseFiller: string, n: number): Buffer {
  const now = hl7Now();
  const drug = 'C08CA01^苯磺酸氨氯地平片^WC';
  const sig = '^每日1次，每次1片';
  return Buffer.from(
    [
      `MSH|^~\\&|PHARM|BENCH-PHARM|REVISIT|FU|${now}||RDS^O13^RDS_O13|${dispenseFiller}|P|2.5||||||UNICODE UTF-8`,
      `PID|1||P${runId}${n}^^^${IDENTIFIER_SYSTEM}^MR||${person(n)}`,
      `ORC|RE|RX-${dispenseFiller}|${dispenseFiller}|||||||P001^王^医生`,
      `RXE|^QD|${drug}|1||TAB^片||${sig}|||28|TAB^片`,
      'TQ1|1||QD|||28^d',
      `RXD|1|${drug}|${now}|28|TAB^片||RX-${dispenseFiller}|||P017^张^药师|||||${sig}`,
    ].join('\r'),
    'utf8',
  );
}

/** Sends `count` dispenses (people numbered from `firstPerson`) over `connections` MLLP connections, each
 * waiting for its ACK; returns when each dispense id was sent. */
async function sendDispenses(port: number, prefix: string, count: number, connections: number, firstPerson: number) {
  const sentAt = new Map<string, number>();
  let next = 0;
  let rejected = 0;
  const worker = async (): Promise<void> => {
    const socket: Socket = await new Promise((resolve, reject) => {
      const s = connect(port, '127.0.0.1', () => resolve(s));
      s.setNoDelay(true);
      s.once('error', reject);
    });
    let pending: Buffer = Buffer.alloc(0);
    let waiting: ((ack: Buffer) => void) | undefined;
    socket.on('data', (chunk: Buffer) => {
      const { frames, remainder } = decodeMllpFrames(Buffer.concat([pending, chunk]));
      pending = remainder;
      for (const frame of frames) waiting?.(frame);
    });
    for (let n = next++; n < count; n = next++) {
      const filler = `${prefix}-${n}`;
      sentAt.set(`${filler}-1`, Date.now());
      const ack = await new Promise<Buffer>((resolve) => {
        waiting = resolve;
        socket.write(encodeMllpFrame(dispense(filler, firstPerson + n)));
      });
      if (!ack.includes('MSA|AA|')) {
        rejected++;
        if (rejected === 1) console.error(`first rejected ACK: ${ack.toString('utf8').replace(/\r/g, '\n')}`);
      }
    }
    socket.end();
  };
  await Promise.all(Array.from({ length: connections }, worker));
  if (rejected > 0) throw new Error(`${rejected} of ${count} dispenses were not accepted (AA)`);
  return sentAt;
}

/**
 * Dispense id -> when ingest made its event (the envelope's time) and when the scheduler stored its first task
 * row, for the dispenses whose ids start with `prefix`; the split says which half of the pipeline takes the time.
 */
async function tasksStored(db: Client, prefix: string): Promise<Map<string, { arrived: number; task: number }>> {
  const { rows } = await db.query<{ dispense_id: string; stored_ms: string; arrived_ms: string }>(
    `SELECT h.envelope->'data'->>'dispenseId' AS dispense_id,
            (extract(epoch FROM min(t.created_at)) * 1000)::bigint AS stored_ms,
            (extract(epoch FROM min((h.envelope->>'time')::timestamptz)) * 1000)::bigint AS arrived_ms
       FROM scheduler.follow_up_task t
       JOIN scheduler.patient_history h ON h.event_id = t.trigger_event_id
      WHERE h.envelope->'data'->>'dispenseId' LIKE $1
      GROUP BY 1`,
    [`${prefix}-%`],
  );
  return new Map(
    rows.map((row) => [row.dispense_id, { arrived: Number(row.arrived_ms), task: Number(row.stored_ms) }]),
  );
}

/** Dispenses of this run with at least one task (other plans' tasks, e.g. on registration, do not count). */
async function taskedCount(db: Client): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(DISTINCT t.trigger_event_id)::int AS n
       FROM scheduler.follow_up_task t
       JOIN scheduler.patient_history h ON h.event_id = t.trigger_event_id
      WHERE h.event_type = 'revisit.clinical.medication-dispensed.v1'`,
  );
  return rows[0]!.n;
}

/** Waits until `expected` trigger events have tasks, failing when nothing moves for STALL_MS. */
async function awaitTasks(db: Client, expected: number, services: ServiceChild[]): Promise<void> {
  let last = -1;
  let movedAt = Date.now();
  for (;;) {
    const n = await taskedCount(db);
    if (n >= expected) return;
    if (n !== last) {
      last = n;
      movedAt = Date.now();
    } else if (Date.now() - movedAt > STALL_MS) {
      const logs = services.map((s) => `--- ${s.name} (${s.logFile})\n${s.tail(15)}`).join('\n');
      throw new Error(`stalled at ${n} of ${expected} dispenses with tasks for ${STALL_MS} ms\n${logs}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function main(): Promise<void> {
  // Ctrl-C still runs the 'exit' hooks that stop the service processes.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
  const machine = machineInfo();
  // The services' consumer groups are fixed names ('scheduler', ...): on a broker other people's tests use,
  // this run's scheduler would share their partitions and take their events. A private broker by default;
  // BENCH_SHARED_BROKER=1 uses KAFKA_BROKERS only when nothing else runs those services against it.
  if (process.env.BENCH_SHARED_BROKER !== '1') delete process.env.KAFKA_BROKERS;
  const broker = await provisionBroker();
  const serverUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const database = `revisit_bench_pipeline_${runId}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const databaseUrl = new URL(serverUrl);
  databaseUrl.pathname = `/${database}`;
  const logDir = mkdtempSync(path.join(os.tmpdir(), 'revisit-bench-pipeline-'));
  const services: ServiceChild[] = [];
  const db = new Client({ connectionString: databaseUrl.toString() });
  try {
    console.log(
      `pipeline bench: ${MESSAGES} RDS^O13 dispenses over ${CONNECTIONS} MLLP connections, broker ${broker.provisioned}, logs in ${logDir}`,
    );
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      DATABASE_URL: databaseUrl.toString(),
      KAFKA_BROKERS: broker.brokers.join(','),
      REDIS_URL: process.env.REDIS_URL ?? DEFAULT_REDIS_URL,
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    };
    const mllpPort = await freePort();
    // One after another: both migrate the same database at start.
    services.push(await startServiceChild(root, 'ingest', { ...env, MLLP_PORT: String(mllpPort) }, logDir));
    services.push(await startServiceChild(root, 'scheduler', env, logDir));
    await db.connect();
    await addSource(async (sql, params) => (await db.query(sql, params)).rows as Record<string, unknown>[], {
      id: 'bench-pharmacy',
      displayName: 'bench pharmacy',
      identifierSystems: [IDENTIFIER_SYSTEM],
      mllpPeerAddresses: ['127.0.0.1'],
      withApiKey: false,
      orgId: ORG,
    });

    // Warm-up: consumer groups joined, connections open, code paths compiled before the clock starts.
    await sendDispenses(mllpPort, `WU${runId}`, WARM_UP, Math.min(CONNECTIONS, WARM_UP), MESSAGES);
    await awaitTasks(db, WARM_UP, services);

    const prefix = `FY${runId}`;
    const started = Date.now();
    const sentAt = await sendDispenses(mllpPort, prefix, MESSAGES, CONNECTIONS, 0);
    const sentMs = Date.now() - started;
    await awaitTasks(db, WARM_UP + MESSAGES, services);
    const stored = await tasksStored(db, prefix);
    if (stored.size !== MESSAGES) throw new Error(`expected tasks for ${MESSAGES} dispenses, found ${stored.size}`);
    const latency = new LatencyRecorder();
    const toEvent = new LatencyRecorder();
    const eventToTask = new LatencyRecorder();
    let lastStored = 0;
    for (const [dispenseId, at] of stored) {
      const sent = sentAt.get(dispenseId);
      if (sent === undefined) throw new Error(`tasks for a dispense never sent: ${dispenseId}`);
      latency.record(at.task - sent);
      toEvent.record(at.arrived - sent);
      eventToTask.record(at.task - at.arrived);
      lastStored = Math.max(lastStored, at.task);
    }
    const p = (recorder: LatencyRecorder, percentile: number): number =>
      Number(recorder.percentile(percentile).toFixed(1));
    // Sent -> ingest made the event (MLLP, store, parse, EMPI link, outbox row), then -> the task row (outbox
    // relay, Kafka, the scheduler's inbox, history and derivation).
    const stages = {
      feedToEventP50Ms: p(toEvent, 50),
      feedToEventP99Ms: p(toEvent, 99),
      eventToTaskP50Ms: p(eventToTask, 50),
      eventToTaskP99Ms: p(eventToTask, 99),
    };
    const seconds = (lastStored - started) / 1000;
    const pipeline = {
      events: MESSAGES,
      seconds: Number(seconds.toFixed(2)),
      eventsPerSecond: Math.round(MESSAGES / seconds),
      sendSeconds: Number((sentMs / 1000).toFixed(2)),
      p50Ms: Number(latency.percentile(50).toFixed(1)),
      p99Ms: Number(latency.percentile(99).toFixed(1)),
      maxMs: Number(latency.percentile(100).toFixed(1)),
      stages,
    };
    const rssMb = Object.fromEntries(services.map((s) => [s.name, s.peakRssMb() ?? NaN]));
    console.log(
      `pipeline: ${pipeline.eventsPerSecond} events/s feed -> task (${MESSAGES} in ${pipeline.seconds} s, sending took ${pipeline.sendSeconds} s), ` +
        `p50 ${pipeline.p50Ms} ms, p99 ${pipeline.p99Ms} ms, max ${pipeline.maxMs} ms; peak RSS ${JSON.stringify(rssMb)} MB; stages ${JSON.stringify(stages)}`,
    );
    for (const service of services.splice(0)) await service.stop();

    const kafka = createKafkaClient({ clientId: 'bench-pipeline', brokers: broker.brokers, logger: silentLogger });
    const raw = await rawKafkajsPassthrough(kafka, {
      topic: `bench.${runId}.pipeline-raw`,
      groupId: `bench.${runId}.pipeline-raw`,
      events: RAW_EVENTS,
    });
    console.log(`raw kafkajs: ${raw.eventsPerSecond} events/s, p50 ${raw.p50Ms} ms, p99 ${raw.p99Ms} ms`);
    const ratio = Number((pipeline.eventsPerSecond / raw.eventsPerSecond).toFixed(3));
    const goalsMet = {
      ratio: ratio >= GOALS.ratio,
      eventsPerSecond: pipeline.eventsPerSecond >= GOALS.eventsPerSecond,
      p99Ms: pipeline.p99Ms < GOALS.p99Ms,
      rssMb: Object.values(rssMb).every((mb) => mb < GOALS.rssMb),
    };
    console.log(
      `goals: ratio ${ratio} >= ${GOALS.ratio} ${goalsMet.ratio}; ${pipeline.eventsPerSecond} >= ${GOALS.eventsPerSecond} events/s ${goalsMet.eventsPerSecond}; ` +
        `p99 ${pipeline.p99Ms} < ${GOALS.p99Ms} ms ${goalsMet.p99Ms}; RSS < ${GOALS.rssMb} MB ${goalsMet.rssMb}`,
    );
    const report = {
      date: new Date().toISOString(),
      machine,
      loadAverageAtEnd: os.loadavg().map((load) => Number(load.toFixed(2))),
      broker: broker.provisioned,
      settings: {
        messages: MESSAGES,
        connections: CONNECTIONS,
        warmUp: WARM_UP,
        rawEvents: RAW_EVENTS,
        services: ['ingest', 'scheduler'],
        message: 'RDS^O13 v2.5 UTF-8, chronic dispense (ATC C08CA01, 28 days), one patient each',
        latency: 'message sent -> first task row created_at (transaction start) in scheduler.follow_up_task',
      },
      pipeline,
      rssMb,
      rawKafkajs: raw,
      ratio,
      goals: GOALS,
      goalsMet,
    };
    const out = path.join(root, 'bench', 'results', 'pipeline.json');
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`wrote ${path.relative(root, out)}`);
    rmSync(logDir, { recursive: true, force: true });
  } finally {
    for (const service of services) await service.stop();
    await db.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
    await broker.release();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
