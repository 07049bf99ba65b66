// A consumer process for the SIGKILL test: runs the compiled ConsumerRunner (dist/) against the
// schema and topic the test prepared, recording each event in an effects table without a unique
// key, so an event applied twice would show up twice. Plain CommonJS so it runs without a loader.
'use strict';
const path = require('node:path');
const { DataSource } = require('typeorm');

const dist = path.resolve(__dirname, '../../../../dist/libs/messaging/src/index.js');
const m = require(dist);

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

async function main() {
  const schema = env('CRASH_SCHEMA');
  const topic = env('CRASH_TOPIC');
  const type = env('CRASH_TYPE');
  const delayMs = Number(process.env.CRASH_HANDLER_DELAY_MS ?? '2');
  const dataSource = new DataSource({
    type: 'postgres',
    url: env('DATABASE_URL'),
    // Lets the test see, in pg_stat_activity, that a batch transaction is open when it kills us.
    applicationName: `crash-consumer-${schema}`,
    extra: { max: 4 },
  });
  await dataSource.initialize();
  const catalogue = new m.SchemaCatalogue([
    {
      type,
      topic,
      partitions: 3,
      schema: {
        type: 'object',
        required: ['patientId', 'seq'],
        properties: { patientId: { type: 'string' }, seq: { type: 'integer' } },
      },
    },
  ]);
  const registry = new m.HandlerRegistry();
  registry.register(
    type,
    async (event, { manager }) => {
      await manager.query(`INSERT INTO "${schema}".effects (event_id, seq) VALUES ($1, $2)`, [
        event.id,
        event.data.seq,
      ]);
      // Slow enough that a kill lands while a batch transaction is open.
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    },
    'CrashConsumer.onPing',
  );
  const kafka = m.createKafkaClient({
    clientId: 'crash-consumer',
    brokers: m.parseBrokers(env('KAFKA_BROKERS')),
    logger: m.silentLogger,
  });
  const producer = new m.KafkaProducerAdapter(kafka);
  const runner = new m.ConsumerRunner(
    dataSource,
    new m.KafkaConsumerAdapter(kafka, { sessionTimeoutMs: 8000, partitionsConsumedConcurrently: 1 }),
    producer,
    catalogue,
    registry,
    { groupId: `${schema}-crash`, schema, subscriptions: [type] },
    m.silentLogger,
  );
  await producer.connect();
  await runner.start();
  process.stdout.write('ready\n');
  process.once('SIGTERM', () => {
    void (async () => {
      await runner.stop();
      await producer.disconnect();
      await dataSource.destroy();
      process.stdout.write('stopped\n');
      process.exit(0);
    })();
  });
}

main().catch((error) => {
  process.stderr.write(`crash-consumer failed: ${error && error.stack}\n`);
  process.exit(1);
});
