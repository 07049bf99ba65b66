import type { InfraComponent } from './infra-endpoints';
import { probeKafka, type ProbeResult } from './probes/kafka-probe';
import { probePostgres } from './probes/postgres-probe';
import { probeRedis } from './probes/redis-probe';
import { findRepoRoot } from './repo-root';
import { infraDir, readInfraState } from './state/infra-state';
import { DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL, kafkaBrokersFromEnv, kafkaPortFromEnv, redactUrl } from './urls';

export interface ComponentStatus {
  readonly component: InfraComponent;
  /** Printable location, password redacted. */
  readonly url: string;
  /** Where the URL came from: the environment, `revisit infra up`'s state, or the built-in default. */
  readonly source: 'env' | 'local-jvm' | 'docker-compose' | 'default';
  readonly reachable: boolean;
  readonly detail?: string;
}

/** Probes each component where `up` would have put it; all three probes run in parallel. */
export async function infraStatus(
  options: { env?: NodeJS.ProcessEnv; root?: string } = {},
): Promise<ComponentStatus[]> {
  const env = options.env ?? process.env;
  const state = readInfraState(infraDir(env, options.root ?? findRepoRoot()));

  const envBrokers = kafkaBrokersFromEnv(env);
  const kafka = envBrokers
    ? { brokers: envBrokers, source: 'env' as const }
    : state && state.kafka.kind !== 'external'
      ? { brokers: state.kafka.brokers, source: state.kafka.kind }
      : { brokers: [`127.0.0.1:${kafkaPortFromEnv(env)}`], source: 'default' as const };
  const postgres = pick(env.DATABASE_URL, state?.composeDatabaseUrl, DEFAULT_DATABASE_URL);
  const redis = pick(env.REDIS_URL, state?.composeRedisUrl, DEFAULT_REDIS_URL);

  const [kafkaProbe, postgresProbe, redisProbe] = await Promise.all([
    probeKafka(kafka.brokers),
    probePostgres(postgres.url),
    probeRedis(redis.url),
  ]);
  return [
    status('kafka', kafka.brokers.join(','), kafka.source, kafkaProbe),
    status('postgres', redactUrl(postgres.url), postgres.source, postgresProbe),
    status('redis', redactUrl(redis.url), redis.source, redisProbe),
  ];
}

function pick(
  fromEnv: string | undefined,
  fromCompose: string | undefined,
  fallback: string,
): { url: string; source: ComponentStatus['source'] } {
  if (fromEnv) return { url: fromEnv, source: 'env' };
  if (fromCompose) return { url: fromCompose, source: 'docker-compose' };
  return { url: fallback, source: 'default' };
}

function status(
  component: InfraComponent,
  url: string,
  source: ComponentStatus['source'],
  probe: ProbeResult,
): ComponentStatus {
  return { component, url, source, reachable: probe.reachable, ...(probe.detail ? { detail: probe.detail } : {}) };
}
