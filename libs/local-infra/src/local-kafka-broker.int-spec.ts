import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import {
  canRestartTestBroker,
  eventually,
  kafkaBrokers,
  startTestBroker,
  stopTestBroker,
  testDatabaseUrl,
  testRedisUrl,
  uniqueTopicPrefix,
} from '@revisit/testing';
import { probeKafka } from './probes/kafka-probe';
import { findRepoRoot } from './repo-root';

const root = findRepoRoot();
const kafka = new Kafka({ clientId: 'local-infra-int', brokers: kafkaBrokers(), logLevel: logLevel.NOTHING });

/** Runs the real CLI entry point the way a user does, against this run's infrastructure. */
function revisitInfraStatus(): { status: number | null; stdout: string } {
  const infraDir = mkdtempSync(path.join(os.tmpdir(), 'revisit-status-'));
  try {
    const result = spawnSync(process.execPath, [path.join(root, 'bin', 'revisit.mjs'), 'infra', 'status'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        KAFKA_BROKERS: kafkaBrokers().join(','),
        DATABASE_URL: testDatabaseUrl(),
        REDIS_URL: testRedisUrl(),
        REVISIT_INFRA_DIR: infraDir,
      },
    });
    return { status: result.status, stdout: result.stdout };
  } finally {
    rmSync(infraDir, { recursive: true, force: true });
  }
}

function statusLine(stdout: string, component: string): string {
  return stdout.split('\n').find((line) => line.startsWith(`${component} `)) ?? `<no ${component} line>`;
}

describe('the integration run broker', () => {
  let consumer: Consumer | undefined;

  afterEach(async () => {
    await consumer?.disconnect();
    consumer = undefined;
  }, 30_000);

  it('answers describeCluster with exactly one broker', async () => {
    expect(await probeKafka(kafkaBrokers())).toEqual({ reachable: true });
    const admin = kafka.admin();
    await admin.connect();
    try {
      const cluster = await admin.describeCluster();
      expect(cluster.brokers).toHaveLength(1);
      expect(kafkaBrokers()).toContain(`${cluster.brokers[0]!.host}:${cluster.brokers[0]!.port}`);
    } finally {
      await admin.disconnect();
    }
  }, 30_000);

  it('is reported reachable by `revisit infra status`, with the database and Redis', () => {
    const { status, stdout } = revisitInfraStatus();
    expect(statusLine(stdout, 'kafka')).toMatch(new RegExp(`^kafka\\s+reachable\\s+${kafkaBrokers().join(',')}\\s`));
    expect(statusLine(stdout, 'postgres')).toMatch(/^postgres\s+reachable\s/);
    expect(statusLine(stdout, 'redis')).toMatch(/^redis\s+reachable\s/);
    expect(status).toBe(0);
  }, 60_000);

  it('keeps every acknowledged event across a restart on the same data dir', async () => {
    expect(canRestartTestBroker()).toBe(true);
    const topic = `${uniqueTopicPrefix('restart')}revisit.test.restart-probe.v1`;
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
    await admin.disconnect();

    const sent = Array.from({ length: 200 }, (_, i) => ({ key: `patient-${i % 7}`, value: `event-${i}` }));
    const producer = kafka.producer({ idempotent: true });
    await producer.connect();
    await producer.send({ topic, acks: -1, messages: sent });
    await producer.disconnect();

    await stopTestBroker();
    const down = revisitInfraStatus();
    expect(statusLine(down.stdout, 'kafka')).toMatch(/^kafka\s+unreachable\s/);
    expect(down.status).toBe(1);
    await startTestBroker();

    const received: string[] = [];
    consumer = kafka.consumer({ groupId: `${topic}.reader`, maxWaitTimeInMs: 500 });
    await consumer.connect();
    // A restarted broker answers UNKNOWN_TOPIC_OR_PARTITION until it has replayed its metadata log.
    const reader = consumer;
    await eventually(() => reader.subscribe({ topic, fromBeginning: true }), { timeoutMs: 30_000, intervalMs: 250 });
    await consumer.run({
      eachMessage: async ({ message }) => {
        received.push(message.value?.toString() ?? '<null>');
      },
    });
    await eventually(() => expect(received).toHaveLength(sent.length), { timeoutMs: 60_000, intervalMs: 200 });
    expect([...received].sort()).toEqual(sent.map((m) => m.value).sort());
  }, 180_000);
});
