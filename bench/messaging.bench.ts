// `npm run bench:messaging`: events/s and end-to-end latency of (a) raw kafkajs sendBatch -> consumer
// and (b) the real path: outbox insert -> relay -> Kafka -> ConsumerRunner with inbox transaction.
// Same broker, same run, same event size. Writes bench/results/messaging.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import {
  ConsumerRunner,
  HandlerRegistry,
  KafkaConsumerAdapter,
  KafkaProducerAdapter,
  Outbox,
  OutboxRelay,
  SchemaCatalogue,
  createKafkaClient,
  createMessagingMigrations,
  dlqTopicOf,
  ensureTopics,
  retryTopicOf,
  silentLogger,
  stderrLogger,
} from '@revisit/messaging';
import { provisionBroker } from './lib/bench-broker';
import { BENCH_SCHEMA, BENCH_TYPE, benchEvent } from './lib/bench-events';
import { rawKafkajsPassthrough } from './lib/raw-kafkajs';
import { LatencyRecorder, summarise, type ThroughputResult } from './lib/latency-stats';
import { machineInfo } from './lib/machine-info';

const root = path.resolve(__dirname, '..', '..');
const EVENTS = Number(process.env.BENCH_EVENTS ?? 50_000);
const PARTITIONS = 6;
const PRODUCE_CHUNK = 1000;
const ENQUEUE_CHUNK = 500;
const ENQUEUE_WRITERS = Number(process.env.BENCH_WRITERS ?? 1);
const RELAY_BATCH = 2000;
const CONSUMER_CONCURRENCY = 3;
// 0 (the bench default) deletes rows once published; the relay default keeps them 7 days, which
// costs one more row rewrite per event (BENCH_RETENTION_MS=604800000 to measure it).
const RETENTION_MS = Number(process.env.BENCH_RETENTION_MS ?? 0);
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const WARM_SUBJECT = 'EP-warm-up';
const runId = `${Date.now().toString(36)}`;

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

function rawKafkajs(kafka: Kafka): Promise<ThroughputResult> {
  return rawKafkajsPassthrough(kafka, {
    topic: `bench.${runId}.raw`,
    groupId: `bench.${runId}.raw`,
    events: EVENTS,
    partitions: PARTITIONS,
    produceChunk: PRODUCE_CHUNK,
    consumerConcurrency: CONSUMER_CONCURRENCY,
  });
}

async function outboxPipeline(kafka: Kafka, withEffect: boolean): Promise<ThroughputResult> {
  const variant = withEffect ? 'effect' : 'inbox';
  const schema = `bench_${runId}_${variant}`;
  const topic = `bench.${runId}.${variant}.${BENCH_TYPE}`;
  await ensureTopics(
    kafka,
    [topic, retryTopicOf(topic), dlqTopicOf(topic)].map((name) => ({ topic: name, partitions: PARTITIONS })),
  );
  const dataSource = new DataSource({
    type: 'postgres',
    url: DATABASE_URL,
    migrations: createMessagingMigrations(schema),
    migrationsTableName: `${schema}_migrations`,
    extra: { max: 8 },
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.query(`CREATE TABLE "${schema}".effects (event_id uuid PRIMARY KEY, seq integer NOT NULL)`);

  const catalogue = new SchemaCatalogue([{ type: BENCH_TYPE, topic, partitions: PARTITIONS, schema: BENCH_SCHEMA }]);
  const latency = new LatencyRecorder();
  const done = deferred();
  const warm = deferred();
  let handled = 0;
  const registry = new HandlerRegistry();
  registry.register(
    BENCH_TYPE,
    async (event, { manager }) => {
      const seq = (event.data as { seq: number }).seq;
      // Optionally a business effect: one row per event, in the same transaction as the inbox row.
      if (withEffect) {
        await manager.query(`INSERT INTO "${schema}".effects (event_id, seq) VALUES ($1, $2)`, [event.id, seq]);
      }
      // Measured as the handler runs, just before its batch transaction commits.
      if (event.subject !== WARM_SUBJECT) latency.record(Date.now() - Date.parse(event.time));
    },
    'Bench.onPing',
  );
  const producer = new KafkaProducerAdapter(kafka);
  const relay = new OutboxRelay(
    dataSource,
    producer,
    { schema, batchSize: RELAY_BATCH, pollIntervalMs: 200, retentionMs: RETENTION_MS },
    silentLogger,
  );
  const runner = new ConsumerRunner(
    dataSource,
    new KafkaConsumerAdapter(kafka, { partitionsConsumedConcurrently: CONSUMER_CONCURRENCY }),
    producer,
    catalogue,
    registry,
    {
      groupId: `bench.${runId}.${variant}`,
      schema,
      subscriptions: [BENCH_TYPE],
      // Called after each commit: the count of effects that are durable.
      metrics: {
        handled: (_topic, count) => {
          handled += count;
          if (handled === EVENTS + 1) done.resolve();
        },
      },
    },
    stderrLogger,
  );
  const outbox = new Outbox(schema, catalogue);
  await producer.connect();
  await relay.start();
  await runner.start();
  const warmEvent = { ...benchEvent(0), data: { patientId: WARM_SUBJECT, seq: 0, note: '' }, subject: WARM_SUBJECT };
  const warmHandled = setInterval(() => {
    void dataSource
      .query(`SELECT 1 FROM "${schema}".inbox WHERE event_id = $1`, [warmEvent.id])
      .then((rows: unknown[]) => rows.length > 0 && warm.resolve());
  }, 50);
  await dataSource.transaction((manager) => outbox.enqueue(manager, warmEvent));
  await warm.promise;
  clearInterval(warmHandled);

  const started = Date.now();
  // BENCH_WRITERS > 1 enqueues from several transactions at once, as concurrent requests of an app
  // would; the default of 1 mirrors the single raw producer of (a).
  let next = 0;
  const writer = async (): Promise<void> => {
    while (next < EVENTS) {
      const from = next;
      next += ENQUEUE_CHUNK;
      const events = Array.from({ length: Math.min(ENQUEUE_CHUNK, EVENTS - from) }, (_, k) => benchEvent(from + k));
      await dataSource.transaction((manager) => outbox.enqueueAll(manager, events));
    }
  };
  await Promise.all(Array.from({ length: ENQUEUE_WRITERS }, writer));
  const enqueuedMs = Date.now() - started;
  await done.promise;
  const result = summarise(EVENTS, started, Date.now(), latency);
  if (process.env.BENCH_VERBOSE) console.log(`  enqueue of ${EVENTS} events took ${enqueuedMs} ms`);
  const table = withEffect ? 'effects' : 'inbox';
  const [{ n }] = (await dataSource.query(`SELECT count(*)::int AS n FROM "${schema}".${table}`)) as { n: number }[];
  if (n !== EVENTS + 1) throw new Error(`expected ${EVENTS + 1} rows in ${table}, found ${n}`);
  await runner.stop();
  await relay.stop();
  await producer.disconnect();
  await dataSource.query(`DROP SCHEMA "${schema}" CASCADE`);
  await dataSource.query(`DROP TABLE IF EXISTS "${schema}_migrations"`);
  await dataSource.destroy();
  return result;
}

async function main(): Promise<void> {
  const machine = machineInfo();
  const broker = await provisionBroker();
  const kafka = createKafkaClient({ clientId: 'bench', brokers: broker.brokers, logger: silentLogger });
  try {
    console.log(`messaging bench: ${EVENTS} events, ${PARTITIONS} partitions, broker ${broker.provisioned}`);
    const raw = await rawKafkajs(kafka);
    console.log(`(a) raw kafkajs:     ${raw.eventsPerSecond} events/s, p50 ${raw.p50Ms} ms, p99 ${raw.p99Ms} ms`);
    const outbox = await outboxPipeline(kafka, false);
    console.log(
      `(b) outbox pipeline: ${outbox.eventsPerSecond} events/s, p50 ${outbox.p50Ms} ms, p99 ${outbox.p99Ms} ms`,
    );
    const withEffect = await outboxPipeline(kafka, true);
    console.log(
      `(b') same + 1 effect row per event: ${withEffect.eventsPerSecond} events/s, p50 ${withEffect.p50Ms} ms, p99 ${withEffect.p99Ms} ms`,
    );
    const ratio = Number((outbox.eventsPerSecond / raw.eventsPerSecond).toFixed(2));
    console.log(`ratio (b)/(a): ${ratio} (goal >= 0.5), outbox goal >= 5000 events/s`);
    const report = {
      date: new Date().toISOString(),
      machine,
      broker: broker.provisioned,
      settings: {
        events: EVENTS,
        partitions: PARTITIONS,
        produceChunk: PRODUCE_CHUNK,
        enqueueChunk: ENQUEUE_CHUNK,
        enqueueWriters: ENQUEUE_WRITERS,
        relayBatch: RELAY_BATCH,
        consumerConcurrency: CONSUMER_CONCURRENCY,
        relayRetentionMs: RETENTION_MS,
      },
      rawKafkajs: raw,
      // (b): the handler does nothing but the inbox row, like the raw consumer does nothing.
      outboxPipeline: outbox,
      // (b'): the handler also writes one row, a typical business effect.
      outboxPipelineWithEffect: withEffect,
      ratio,
      goals: { ratio: 0.5, eventsPerSecond: 5000 },
      goalsMet: { ratio: ratio >= 0.5, eventsPerSecond: outbox.eventsPerSecond >= 5000 },
    };
    const out = path.join(root, 'bench', 'results', 'messaging.json');
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`wrote ${path.relative(root, out)}`);
  } finally {
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
