import { randomBytes } from 'node:crypto';

/** The run's Kafka bootstrap servers (KAFKA_BROKERS exported by the global set-up). */
export function kafkaBrokers(): string[] {
  return required('KAFKA_BROKERS')
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker.length > 0);
}

/** The run's fresh PostgreSQL database (`revisit_test_<timestamp>_<pid>`), dropped at teardown. */
export function testDatabaseUrl(): string {
  return required('DATABASE_URL');
}

export function testRedisUrl(): string {
  return required('REDIS_URL');
}

/**
 * A prefix that isolates one test's topics, consumer groups and Redis keys from every other test sharing
 * the run's broker: `test.<label>.<time><random>.` (only characters Kafka allows in topic names).
 */
export function uniqueTopicPrefix(label = 'it'): string {
  const safe = label.replace(/[^a-zA-Z0-9-]/g, '-').slice(0, 40) || 'it';
  return `test.${safe}.${Date.now().toString(36)}${randomBytes(4).toString('hex')}.`;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set: run integration tests through Jest's "integration" project (npm run test:int), whose global set-up provisions it.`,
    );
  }
  return value;
}
