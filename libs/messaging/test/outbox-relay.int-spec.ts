import { type Kafka } from 'kafkajs';
import { type DataSource } from 'typeorm';
import { canRestartTestBroker, startTestBroker, stopTestBroker } from '@revisit/testing';
import {
  EVENT_HEADERS,
  KafkaProducerAdapter,
  MessagingErrorCode,
  Outbox,
  OutboxRelay,
  ensureTopics,
  silentLogger,
  type EventEnvelope,
  type SchemaCatalogue,
} from '../src';
import { eventually } from './support/eventually';
import { PING_TYPE, pingEnvelope, testCatalogue, uniquePrefix, type PingData } from './support/test-catalogue';
import { dropTestSchema, openTestSchema, schemaName } from './support/test-database';
import { recordTopics, testKafka, type Received } from './support/test-kafka';

jest.setTimeout(180_000);

/** Per key, the sequence numbers in the order Kafka delivered them (first delivery of each event). */
function sequencesByKey(received: readonly Received[]): Map<string, number[]> {
  const seen = new Set<string>();
  const byKey = new Map<string, number[]>();
  for (const message of received) {
    const event = JSON.parse(message.value) as EventEnvelope<PingData>;
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    byKey.set(message.key!, [...(byKey.get(message.key!) ?? []), event.data.seq]);
  }
  return byKey;
}

const ascending = (values: number[]): boolean => values.every((value, i) => i === 0 || values[i - 1] < value);

describe('Outbox + OutboxRelay (real Kafka + PostgreSQL)', () => {
  let kafka: Kafka;
  let dataSource: DataSource;
  let schema: string;
  let catalogue: SchemaCatalogue;
  let topic: string;
  let outbox: Outbox;
  const stoppers: (() => Promise<void>)[] = [];

  beforeEach(async () => {
    kafka = testKafka();
    schema = schemaName('outbox');
    dataSource = await openTestSchema(schema);
    catalogue = testCatalogue(uniquePrefix('outbox'), 3);
    topic = catalogue.topicOf(PING_TYPE)!;
    await ensureTopics(kafka, [{ topic, partitions: 3 }]);
    outbox = new Outbox(schema, catalogue);
  });

  afterEach(async () => {
    for (const stop of stoppers.splice(0).reverse()) await stop();
    await dropTestSchema(dataSource, schema);
  });

  async function startRelay(options: { batchSize?: number; retentionMs?: number } = {}): Promise<OutboxRelay> {
    const producer = new KafkaProducerAdapter(kafka);
    const relay = new OutboxRelay(
      dataSource,
      producer,
      { schema, pollIntervalMs: 500, backoffInitialMs: 100, backoffMaxMs: 1000, ...options },
      silentLogger,
    );
    await relay.start();
    stoppers.push(async () => {
      await relay.stop();
      await producer.disconnect();
    });
    return relay;
  }

  async function enqueueInTransactions(events: EventEnvelope[], perTransaction: number): Promise<void> {
    for (let i = 0; i < events.length; i += perTransaction) {
      await dataSource.transaction((manager) => outbox.enqueueAll(manager, events.slice(i, i + perTransaction)));
    }
  }

  async function pendingRows(): Promise<number> {
    const [{ n }] = (await dataSource.query(
      `SELECT count(*)::int AS n FROM "${schema}".outbox WHERE published_at IS NULL`,
    )) as { n: number }[];
    return n;
  }

  it('publishes committed events keyed by subject, in order per key, and nothing from a rolled-back transaction', async () => {
    const recorder = await recordTopics(kafka, [topic]);
    stoppers.push(recorder.stop);
    await startRelay({ batchSize: 50 });
    const events = Array.from({ length: 400 }, (_, seq) =>
      pingEnvelope(`P-${seq % 7}`, seq, { correlationid: 'corr-1' }),
    );
    await enqueueInTransactions(events, 25);
    const rolledBack = pingEnvelope('P-0', 9999);
    await expect(
      dataSource.transaction(async (manager) => {
        await outbox.enqueue(manager, rolledBack);
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');

    await eventually(() => expect(new Set(recorder.received.map((m) => m.value)).size).toBe(400), 60_000);
    const ids = new Set(recorder.received.map((m) => (JSON.parse(m.value) as EventEnvelope).id));
    expect(ids.has(rolledBack.id)).toBe(false);
    for (const [key, sequence] of sequencesByKey(recorder.received)) {
      expect(sequence.length).toBeGreaterThan(0);
      expect({ key, ordered: ascending(sequence) }).toEqual({ key, ordered: true });
    }
    const sample = recorder.received[0];
    const sampleEvent = JSON.parse(sample.value) as EventEnvelope;
    expect(sample.key).toBe(sampleEvent.subject);
    expect(sample.headers).toMatchObject({
      [EVENT_HEADERS.id]: sampleEvent.id,
      [EVENT_HEADERS.type]: PING_TYPE,
      [EVENT_HEADERS.source]: sampleEvent.source,
      [EVENT_HEADERS.correlationId]: 'corr-1',
    });
    await eventually(async () => expect(await pendingRows()).toBe(0));
  });

  it('refuses an event that fails the catalogue schema, inside the caller transaction', async () => {
    const invalid = { ...pingEnvelope('P-1', 1), data: { patientId: 'P-1' } };
    await expect(dataSource.transaction((manager) => outbox.enqueue(manager, invalid))).rejects.toMatchObject({
      code: MessagingErrorCode.SchemaViolation,
    });
    const unknown = { ...pingEnvelope('P-1', 1), type: 'revisit.followup.unknown.v1' };
    await expect(dataSource.transaction((manager) => outbox.enqueue(manager, unknown))).rejects.toMatchObject({
      code: MessagingErrorCode.UnknownEventType,
    });
    await expect(outbox.enqueue(dataSource.manager, pingEnvelope('P-1', 1))).rejects.toMatchObject({
      code: MessagingErrorCode.InvalidArgument,
    });
  });

  it('with two relay replicas publishes every event exactly once and in order per key', async () => {
    const recorder = await recordTopics(kafka, [topic]);
    stoppers.push(recorder.stop);
    await Promise.all([startRelay({ batchSize: 20 }), startRelay({ batchSize: 20 })]);
    const events = Array.from({ length: 600 }, (_, seq) => pingEnvelope(`P-${seq % 11}`, seq));
    await enqueueInTransactions(events, 30);

    await eventually(() => expect(recorder.received.length).toBeGreaterThanOrEqual(600), 60_000);
    expect(recorder.received).toHaveLength(600);
    for (const sequence of sequencesByKey(recorder.received).values()) expect(ascending(sequence)).toBe(true);
  });

  it('keeps published rows for the retention window, then purges them in batches', async () => {
    const relay = await startRelay();
    await enqueueInTransactions(
      Array.from({ length: 30 }, (_, seq) => pingEnvelope('P-1', seq)),
      30,
    );
    await eventually(async () => expect(await pendingRows()).toBe(0));
    await relay.stop();
    const purger = new OutboxRelay(dataSource, new KafkaProducerAdapter(kafka), {
      schema,
      retentionMs: 0,
      purgeBatchSize: 7,
    });
    expect(await purger.purgePublished()).toBe(30);
    const [{ n }] = (await dataSource.query(`SELECT count(*)::int AS n FROM "${schema}".outbox`)) as { n: number }[];
    expect(n).toBe(0);
  });

  (canRestartTestBroker() ? it : it.skip)('survives a broker restart mid-stream without losing an event', async () => {
    const recorder = await recordTopics(kafka, [topic]);
    stoppers.push(recorder.stop);
    const relay = await startRelay({ batchSize: 50 });
    const events = Array.from({ length: 1000 }, (_, seq) => pingEnvelope(`P-${seq % 13}`, seq));
    await enqueueInTransactions(events.slice(0, 300), 50);
    await eventually(() => expect(recorder.received.length).toBeGreaterThanOrEqual(100), 60_000);

    await stopTestBroker();
    // Written while the broker is down: the relay must hold them and publish after the restart.
    await enqueueInTransactions(events.slice(300, 700), 50);
    await eventually(() => expect(relay.isDegraded()).toBe(true), 60_000);
    await startTestBroker();
    await enqueueInTransactions(events.slice(700), 50);

    await eventually(async () => expect(await pendingRows()).toBe(0), 120_000);
    await eventually(() => expect(new Set(recorder.received.map((m) => m.value)).size).toBe(events.length), 120_000);
    const delivered = new Set(recorder.received.map((m) => (JSON.parse(m.value) as EventEnvelope).id));
    expect(events.filter((event) => !delivered.has(event.id))).toEqual([]);
    for (const sequence of sequencesByKey(recorder.received).values()) expect(ascending(sequence)).toBe(true);
  });
});
