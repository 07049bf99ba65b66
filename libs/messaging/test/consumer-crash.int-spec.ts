import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { type DataSource } from 'typeorm';
import { KafkaProducerAdapter, dlqTopicOf, ensureTopics, headersOf, retryTopicOf } from '../src';
import { eventually } from './support/eventually';
import { PING_TYPE, pingEnvelope, uniquePrefix } from './support/test-catalogue';
import { DATABASE_URL, dropTestSchema, openTestSchema, schemaName } from './support/test-database';
import { testBrokers, testKafka } from './support/test-kafka';

jest.setTimeout(240_000);

const root = path.resolve(__dirname, '../../..');
const EVENTS = 600;

function startConsumer(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(__dirname, 'support', 'crash-consumer.js')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`consumer exited with ${code} before ready: ${stderr}`)));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('consumer process killed with SIGKILL mid-batch', () => {
  let dataSource: DataSource;
  let schema: string;
  let topic: string;
  let child: ChildProcess | undefined;

  beforeAll(() => {
    // The child runs the shipped JavaScript, so compile the tree first (incremental).
    const build = spawnSync(process.execPath, [path.join(root, 'tools', 'build.mjs')], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, REVISIT_BUILD_QUIET: '1' },
    });
    if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
  });

  beforeEach(async () => {
    schema = schemaName('crash');
    dataSource = await openTestSchema(schema);
    topic = `${uniquePrefix('crash')}.${PING_TYPE}`;
    await ensureTopics(
      testKafka(),
      [topic, retryTopicOf(topic), dlqTopicOf(topic)].map((name) => ({ topic: name, partitions: 3 })),
    );
  });

  afterEach(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await dropTestSchema(dataSource, schema);
  });

  async function effects(): Promise<{ rows: number; distinct: number; max: number }> {
    const [row] = (await dataSource.query(
      `SELECT count(*)::int AS rows, count(DISTINCT event_id)::int AS distinct,
              coalesce(max(n), 0)::int AS max
         FROM (SELECT event_id, count(*) OVER (PARTITION BY event_id) AS n FROM "${schema}".effects) e`,
    )) as { rows: number; distinct: number; max: number }[];
    return row;
  }

  it('applies every event exactly once after a kill and a restart', async () => {
    const producer = new KafkaProducerAdapter(testKafka());
    const events = Array.from({ length: EVENTS }, (_, seq) => pingEnvelope(`P-${seq % 29}`, seq));
    await producer.send(
      events.map((event) => ({
        topic,
        key: event.subject,
        value: JSON.stringify(event),
        headers: headersOf(event),
      })),
    );
    await producer.disconnect();
    const env = {
      CRASH_SCHEMA: schema,
      CRASH_TOPIC: topic,
      CRASH_TYPE: PING_TYPE,
      CRASH_HANDLER_DELAY_MS: '4',
      KAFKA_BROKERS: testBrokers().join(','),
      DATABASE_URL,
    };

    child = await startConsumer(env);
    // Kill only once some batches committed and another batch transaction is open right now.
    await eventually(
      async () => {
        expect((await effects()).rows).toBeGreaterThanOrEqual(100);
        const open = (await dataSource.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND xact_start IS NOT NULL`,
          [`crash-consumer-${schema}`],
        )) as { n: number }[];
        expect(open[0].n).toBeGreaterThan(0);
      },
      60_000,
      5,
    );
    const killed = exited(child);
    child.kill('SIGKILL');
    await killed;
    const atKill = await effects();
    expect(atKill.distinct).toBeLessThan(EVENTS);

    child = await startConsumer(env);
    await eventually(async () => expect((await effects()).distinct).toBe(EVENTS), 180_000);
    const stopped = exited(child);
    child.kill('SIGTERM');
    expect(await stopped).toBe(0);

    const final = await effects();
    expect(final).toEqual({ rows: EVENTS, distinct: EVENTS, max: 1 });
  });
});
