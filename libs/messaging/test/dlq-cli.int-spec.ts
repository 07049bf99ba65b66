import { type Kafka } from 'kafkajs';
import { FAILURE_HEADERS, KafkaProducerAdapter, dlqTopicOf, ensureTopics, headersOf } from '../src';
import { runDlq } from '../src/cli/dlq-main';
import { eventually } from './support/eventually';
import { PING_TYPE, pingEnvelope, uniquePrefix } from './support/test-catalogue';
import { recordTopics, testKafka } from './support/test-kafka';

jest.setTimeout(120_000);

describe('revisit dlq (real Kafka)', () => {
  let kafka: Kafka;
  let producer: KafkaProducerAdapter;
  let topic: string;
  let dlq: string;
  const env = (): NodeJS.ProcessEnv => ({ KAFKA_BROKERS: process.env.KAFKA_BROKERS });

  async function run(...argv: string[]): Promise<string[]> {
    const lines: string[] = [];
    expect(await runDlq(argv, env(), { line: (text) => lines.push(text) })).toBe(0);
    return lines;
  }

  beforeAll(async () => {
    kafka = testKafka();
    producer = new KafkaProducerAdapter(kafka);
    topic = `${uniquePrefix('dlq')}.${PING_TYPE}`;
    dlq = dlqTopicOf(topic);
    await ensureTopics(kafka, [
      { topic, partitions: 1 },
      { topic: dlq, partitions: 1 },
    ]);
    const events = [0, 1, 2].map((seq) => pingEnvelope('P-7', seq));
    await producer.send(
      events.map((event) => ({
        topic: dlq,
        key: event.subject,
        value: JSON.stringify(event),
        headers: {
          ...headersOf(event),
          [FAILURE_HEADERS.originalTopic]: topic,
          [FAILURE_HEADERS.originalPartition]: '0',
          [FAILURE_HEADERS.originalOffset]: String(events.indexOf(event)),
          [FAILURE_HEADERS.errorCode]: 'messaging.handler-failed',
          [FAILURE_HEADERS.attempts]: '4',
          [FAILURE_HEADERS.failedAt]: '2026-03-01T00:00:00.000Z',
        },
      })),
    );
  });

  afterAll(() => producer.disconnect());

  it('lists dead letters without their payload unless asked', async () => {
    const lines = await run('list', '--topic', dlq);
    expect(lines[1]).toMatch(new RegExp(`^0:0\\t${topic.replace(/\./g, '\\.')}\\tmessaging\\.handler-failed\\t`));
    expect(lines.at(-1)).toBe('3 dead letter(s) shown');
    expect(lines.join('\n')).not.toContain('patientId');
    const withPayload = await run('list', '--topic', dlq, '--limit', '1', '--show-payload');
    expect(withPayload.join('\n')).toContain('"patientId":"P-7"');
    expect(withPayload.at(-1)).toBe('1 dead letter(s) shown');
  });

  it('redrives one offset, then the rest, never the same message twice', async () => {
    const recorder = await recordTopics(kafka, [topic]);
    try {
      expect((await run('redrive', '--topic', dlq, '--offset', '1')).at(-1)).toBe(
        '1 redriven, 0 already redriven before',
      );
      expect(await run('redrive', '--topic', dlq, '--offset', '1')).toContain(
        '0:1 was already redriven; nothing to do',
      );
      expect((await run('redrive', '--topic', dlq, '--all')).at(-1)).toBe('2 redriven, 1 already redriven before');
      expect((await run('redrive', '--topic', dlq, '--all')).at(-1)).toBe('0 redriven, 0 already redriven before');

      await eventually(() => expect(recorder.received).toHaveLength(3));
      const redriveOf = recorder.received.map((m) => m.headers[FAILURE_HEADERS.redriveOf]);
      expect(redriveOf).toEqual([`${dlq}/0/1`, `${dlq}/0/0`, `${dlq}/0/2`]);
      for (const message of recorder.received) {
        expect(message.headers[FAILURE_HEADERS.errorCode]).toBeUndefined();
        expect(message.headers.ce_type).toBe(PING_TYPE);
      }
    } finally {
      await recorder.stop();
    }
  });

  it('rejects bad arguments with a usage error', async () => {
    await expect(runDlq(['redrive', '--topic', dlq], env(), { line: () => undefined })).rejects.toThrow(
      'redrive needs exactly one of --all or --offset',
    );
    await expect(runDlq(['list', '--topic', topic], env(), { line: () => undefined })).rejects.toThrow(
      'must name a dead-letter topic',
    );
  });
});
