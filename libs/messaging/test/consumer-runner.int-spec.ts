import { type Kafka } from 'kafkajs';
import { type DataSource } from 'typeorm';
import {
  ConsumerRunner,
  FAILURE_HEADERS,
  HandlerRegistry,
  KafkaConsumerAdapter,
  KafkaProducerAdapter,
  MessagingErrorCode,
  dlqTopicOf,
  ensureTopics,
  headersOf,
  retryTopicOf,
  silentLogger,
  type EventEnvelope,
  type HandlerContext,
  type OutgoingMessage,
  type RetryPolicy,
  type SchemaCatalogue,
} from '../src';
import { eventually } from './support/eventually';
import { PING_TYPE, pingEnvelope, testCatalogue, uniquePrefix, type PingData } from './support/test-catalogue';
import { dropTestSchema, openTestSchema, schemaName } from './support/test-database';
import { recordTopics, testKafka } from './support/test-kafka';

const FAST_RETRIES: Partial<RetryPolicy> = {
  inProcessAttempts: 2,
  inProcessInitialDelayMs: 20,
  retryTopicAttempts: 1,
  retryTopicInitialDelayMs: 300,
};

jest.setTimeout(120_000);

describe('ConsumerRunner (real Kafka + PostgreSQL)', () => {
  let kafka: Kafka;
  let producer: KafkaProducerAdapter;
  let dataSource: DataSource;
  let schema: string;
  let catalogue: SchemaCatalogue;
  let topic: string;
  const runners: ConsumerRunner[] = [];

  beforeAll(async () => {
    kafka = testKafka();
    producer = new KafkaProducerAdapter(kafka);
    await producer.connect();
  });

  beforeEach(async () => {
    schema = schemaName('runner');
    dataSource = await openTestSchema(schema);
    catalogue = testCatalogue(uniquePrefix('runner'), 2);
    topic = catalogue.topicOf(PING_TYPE)!;
    await ensureTopics(
      kafka,
      [topic, retryTopicOf(topic), dlqTopicOf(topic)].map((name) => ({ topic: name, partitions: 2 })),
    );
  });

  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));
    await dropTestSchema(dataSource, schema);
  });

  afterAll(() => producer.disconnect());

  async function startRunner(handle: (event: EventEnvelope, context: HandlerContext) => Promise<void>) {
    const registry = new HandlerRegistry();
    registry.register(PING_TYPE, handle, 'Test.onPing');
    const runner = new ConsumerRunner(
      dataSource,
      new KafkaConsumerAdapter(kafka),
      producer,
      catalogue,
      registry,
      { groupId: `${schema}-group`, schema, subscriptions: [PING_TYPE], retry: FAST_RETRIES },
      silentLogger,
    );
    runners.push(runner);
    await runner.start();
    return runner;
  }

  const recordEffect = async (event: EventEnvelope, { manager }: HandlerContext): Promise<void> => {
    await manager.query(`INSERT INTO "${schema}".effects (event_id, seq) VALUES ($1, $2)`, [
      event.id,
      (event.data as PingData).seq,
    ]);
  };

  const asMessage = (event: EventEnvelope): OutgoingMessage => ({
    topic,
    key: event.subject,
    value: JSON.stringify(event),
    headers: headersOf(event),
  });

  async function effectCounts(): Promise<Map<string, number>> {
    const rows = (await dataSource.query(
      `SELECT event_id, count(*)::int AS n FROM "${schema}".effects GROUP BY event_id`,
    )) as { event_id: string; n: number }[];
    return new Map(rows.map((row) => [row.event_id, row.n]));
  }

  it('applies each event exactly once even when the same event id is delivered twice', async () => {
    const events = Array.from({ length: 200 }, (_, seq) => pingEnvelope(`P-${seq % 17}`, seq));
    const redelivered = events.filter((_, index) => index % 4 === 0);
    await producer.send(events.map(asMessage));
    await producer.send(redelivered.map(asMessage));
    await startRunner(recordEffect);

    await eventually(async () => {
      const [{ n }] = (await dataSource.query(
        `SELECT count(*)::int AS n FROM "${schema}".inbox WHERE consumer_group = $1`,
        [`${schema}-group`],
      )) as { n: number }[];
      expect(n).toBe(200);
    });
    // Give the duplicates time to arrive too: they follow their originals on the same partitions.
    const recorder = await recordTopics(kafka, [topic]);
    await eventually(() => expect(recorder.received).toHaveLength(250));
    await recorder.stop();
    await eventually(async () => {
      const counts = await effectCounts();
      expect(counts.size).toBe(200);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
    });
  });

  it('dead-letters poison messages at once with error headers and keeps the partition flowing', async () => {
    const recorder = await recordTopics(kafka, [dlqTopicOf(topic)]);
    const before = pingEnvelope('P-1', 1);
    const schemaViolation = { ...pingEnvelope('P-1', 2), data: { patientId: 'P-1', seq: 'two' } };
    const unknownType = { ...pingEnvelope('P-1', 3), type: 'revisit.followup.never-heard-of.v1' };
    const failing = pingEnvelope('P-1', 4);
    const after = Array.from({ length: 20 }, (_, index) => pingEnvelope('P-1', 10 + index));
    const onOnePartition = (message: OutgoingMessage): OutgoingMessage => ({ ...message, key: 'P-1' });
    await producer.send(
      [
        asMessage(before),
        { topic, key: 'P-1', value: JSON.stringify(schemaViolation), headers: {} },
        { topic, key: 'P-1', value: JSON.stringify(unknownType), headers: {} },
        { topic, key: 'P-1', value: 'not json {', headers: {} },
        asMessage(failing),
        ...after.map(asMessage),
      ].map(onOnePartition),
    );
    await startRunner(async (event, context) => {
      // The message text carries a phone number: it must not reach the DLQ headers.
      if (event.id === failing.id) throw new Error('SMS gateway refused 13812345678');
      await recordEffect(event, context);
    });

    await eventually(async () => {
      const counts = await effectCounts();
      expect(counts.has(before.id)).toBe(true);
      for (const event of after) expect(counts.get(event.id)).toBe(1);
    });
    await eventually(() => expect(recorder.received).toHaveLength(4), 30_000);
    await recorder.stop();

    const byCode = new Map(recorder.received.map((m) => [m.headers[FAILURE_HEADERS.errorCode], m]));
    expect([...byCode.keys()].sort()).toEqual(
      [
        MessagingErrorCode.SchemaViolation,
        MessagingErrorCode.UnknownEventType,
        MessagingErrorCode.MalformedMessage,
        MessagingErrorCode.HandlerFailed,
      ].sort(),
    );
    const handlerFailure = byCode.get(MessagingErrorCode.HandlerFailed)!;
    expect(handlerFailure.value).toBe(JSON.stringify(failing));
    expect(handlerFailure.headers).toMatchObject({
      [FAILURE_HEADERS.originalTopic]: topic,
      [FAILURE_HEADERS.consumerGroup]: `${schema}-group`,
      // Two in-process attempts, one retry-topic hop with two more.
      [FAILURE_HEADERS.attempts]: '4',
    });
    expect(handlerFailure.headers[FAILURE_HEADERS.errorMessage]).toContain('SMS gateway refused');
    expect(handlerFailure.headers[FAILURE_HEADERS.errorMessage]).not.toContain('13812345678');
    expect(handlerFailure.headers[FAILURE_HEADERS.errorStackHash]).toMatch(/^[0-9a-f]{16}$/);
    expect(Date.parse(handlerFailure.headers[FAILURE_HEADERS.failedAt])).not.toBeNaN();
    const schemaFailure = byCode.get(MessagingErrorCode.SchemaViolation)!;
    expect(schemaFailure.headers[FAILURE_HEADERS.attempts]).toBe('0');
    expect(schemaFailure.headers[FAILURE_HEADERS.originalOffset]).toMatch(/^\d+$/);
    expect(schemaFailure.headers[FAILURE_HEADERS.originalPartition]).toMatch(/^\d+$/);
    expect((await effectCounts()).has(failing.id)).toBe(false);
  });

  it('retries a transient failure in process and applies the event once', async () => {
    const flaky = pingEnvelope('P-9', 1);
    let calls = 0;
    await producer.send([asMessage(flaky)]);
    await startRunner(async (event, context) => {
      calls++;
      await recordEffect(event, context);
      // The effect above is rolled back with the transaction when the handler throws.
      if (calls === 1) throw new Error('transient');
    });
    await eventually(async () => expect((await effectCounts()).get(flaky.id)).toBe(1));
    expect(calls).toBe(2);
  });
});
