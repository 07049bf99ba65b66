import { randomUUID } from 'node:crypto';
import {
  EVENT_CATALOGUE,
  newEvent,
  type AnyEventEnvelope,
  type EventEnvelope as DomainEnvelope,
  type OutreachAttemptRecordedV1,
} from '@revisit/domain';
import {
  ConsumerRunner,
  DomainEventCatalogue,
  HandlerRegistry,
  KafkaConsumerAdapter,
  KafkaProducerAdapter,
  ensureTopics,
  headersOf,
  retryTopicOf,
  dlqTopicOf,
  stderrLogger,
} from '@revisit/messaging';
import { type Kafka } from 'kafkajs';
import { type DataSource } from 'typeorm';
import { ReadModelConsumer } from '../../apps/analytics/src/read-models/read-model.consumer';

const TYPE = 'revisit.outreach.attempt-recorded.v1';

/** `count` attempt events of one organisation, spread over 500 patients. */
export function attemptEvents(count: number, org: string): AnyEventEnvelope[] {
  const example = EVENT_CATALOGUE[TYPE].example;
  return Array.from({ length: count }, (_, i) => {
    const patient = `EPB${i % 500}`;
    return newEvent(TYPE, {
      source: 'revisit/outreach',
      subject: patient,
      orgid: org,
      data: {
        ...example,
        attemptId: randomUUID(),
        taskId: randomUUID(),
        patientEnterpriseId: patient,
        orgId: org,
        startedAt: '2027-03-02T10:00:00.000+08:00',
      },
    }) as AnyEventEnvelope;
  });
}

/** Baseline: the same rows written straight into the table with multi-row INSERTs (no Kafka, no inbox). */
export async function rawInsertRate(db: DataSource, events: readonly AnyEventEnvelope[]): Promise<number> {
  const started = Date.now();
  for (let i = 0; i < events.length; i += 500) {
    const chunk = events.slice(i, i + 500).map((e) => e.data as OutreachAttemptRecordedV1);
    await db.query(
      `INSERT INTO analytics.attempt (org_id, attempt_id, task_id, patient_id, channel, disposition, reached, agent_id,
              started_at, local_date, talk_seconds, recorded)
       SELECT o, a::uuid, t::uuid, p, c, d, true, NULL, s::timestamptz, (s::timestamptz AT TIME ZONE 'Asia/Shanghai')::date, 0, false
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
              AS r(o, a, t, p, c, d, s)`,
      [
        chunk.map((d) => `${d.orgId}-raw`),
        chunk.map((d) => d.attemptId),
        chunk.map((d) => d.taskId),
        chunk.map((d) => d.patientEnterpriseId),
        chunk.map((d) => d.channel),
        chunk.map((d) => d.disposition),
        chunk.map((d) => d.startedAt),
      ],
    );
  }
  return Math.round(events.length / ((Date.now() - started) / 1000));
}

/**
 * The real path: events on Kafka, consumed by the ConsumerRunner (one transaction per batch with the inbox
 * row per event) into the read model through ReadModelConsumer. Returns events/s from first send to last commit.
 */
export async function consumerIngestionRate(
  kafka: Kafka,
  db: DataSource,
  events: readonly AnyEventEnvelope[],
  runId: string,
): Promise<number> {
  await ensureTopics(
    kafka,
    [TYPE, retryTopicOf(TYPE), dlqTopicOf(TYPE)].map((topic) => ({ topic, partitions: 6 })),
  );
  const consumer = new ReadModelConsumer('Asia/Shanghai');
  const registry = new HandlerRegistry();
  registry.register(
    TYPE,
    (event, context) => consumer.onAttempt(event as unknown as DomainEnvelope<typeof TYPE>, context),
    'ReadModelConsumer.onAttempt',
  );
  const producer = new KafkaProducerAdapter(kafka);
  let handled = 0;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const runner = new ConsumerRunner(
    db,
    new KafkaConsumerAdapter(kafka, { partitionsConsumedConcurrently: 3 }),
    producer,
    new DomainEventCatalogue(),
    registry,
    {
      groupId: `bench.analytics.${runId}`,
      schema: 'analytics',
      subscriptions: [TYPE],
      metrics: {
        handled: (_topic, count) => {
          handled += count;
          if (handled >= events.length) finish();
        },
      },
    },
    stderrLogger,
  );
  await producer.connect();
  await runner.start();
  const started = Date.now();
  for (let i = 0; i < events.length; i += 1000) {
    await producer.send(
      events
        .slice(i, i + 1000)
        .map((e) => ({ topic: TYPE, key: e.subject, value: JSON.stringify(e), headers: headersOf(e) })),
    );
  }
  await done;
  const rate = Math.round(events.length / ((Date.now() - started) / 1000));
  await runner.stop();
  await producer.disconnect();
  return rate;
}
