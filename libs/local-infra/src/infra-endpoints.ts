import { InfraError, InfraErrorCode } from './infra.errors';
import { probeKafka, type ProbeResult } from './probes/kafka-probe';
import { probePostgres } from './probes/postgres-probe';
import { probeRedis } from './probes/redis-probe';
import { redactUrl } from './urls';

/** The three URLs every service and test needs, as exported through KAFKA_BROKERS, DATABASE_URL, REDIS_URL. */
export interface InfraEndpoints {
  readonly kafkaBrokers: string[];
  readonly databaseUrl: string;
  readonly redisUrl: string;
}

export type InfraComponent = 'kafka' | 'postgres' | 'redis';

/** Fails with one actionable sentence when PostgreSQL is not answering. */
export async function requirePostgres(url: string): Promise<void> {
  const probe = await probePostgres(url);
  if (!probe.reachable) {
    throw new InfraError(
      InfraErrorCode.PostgresUnreachable,
      `PostgreSQL is not reachable at ${redactUrl(url)} (${probe.detail ?? 'no detail'}); start PostgreSQL 14+ there or set DATABASE_URL.`,
    );
  }
}

export async function requireRedis(url: string): Promise<void> {
  const probe = await probeRedis(url);
  if (!probe.reachable) {
    throw new InfraError(
      InfraErrorCode.RedisUnreachable,
      `Redis is not reachable at ${redactUrl(url)} (${probe.detail ?? 'no detail'}); start Redis 7 there or set REDIS_URL.`,
    );
  }
}

export async function requireKafka(brokers: readonly string[]): Promise<void> {
  const probe: ProbeResult = await probeKafka(brokers, 5_000);
  if (!probe.reachable) {
    throw new InfraError(
      InfraErrorCode.KafkaUnreachable,
      `Kafka is not reachable at ${brokers.join(',')} (${probe.detail ?? 'no detail'}); check KAFKA_BROKERS or unset it to let Revisit start a broker.`,
    );
  }
}
