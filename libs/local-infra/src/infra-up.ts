import { composeEndpoints, composeUp, type ComposeInfraService } from './docker/docker-compose';
import { dockerCliAnswers } from './docker/docker-engine';
import { requireKafka, requirePostgres, requireRedis, type InfraEndpoints } from './infra-endpoints';
import { LocalKafkaBroker } from './kafka/local-kafka-broker';
import { probeKafka } from './probes/kafka-probe';
import { findRepoRoot } from './repo-root';
import {
  infraDir,
  localBrokerDataDir,
  readInfraState,
  writeInfraState,
  type InfraState,
  type KafkaProvision,
} from './state/infra-state';
import { databaseUrlFromEnv, kafkaBrokersFromEnv, kafkaPortFromEnv, redisUrlFromEnv } from './urls';

export interface InfraUpOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly root?: string;
  /** Progress lines for a human ("starting Kafka..."); silent by default. */
  readonly log?: (line: string) => void;
}

export interface InfraUpResult extends InfraEndpoints {
  readonly kafka: KafkaProvision['kind'];
  /** False when `up` found everything already provisioned by an earlier `up`; then `down` is not ours to call. */
  readonly startedNow: boolean;
}

/**
 * Makes Kafka, PostgreSQL and Redis available and returns their URLs. Precedence: explicit URLs from the
 * environment, then Docker Compose when a Docker engine answers, else a local JVM Kafka broker next to
 * the PostgreSQL and Redis already on this machine. Idempotent: a second `up` reuses a running broker.
 */
export async function infraUp(options: InfraUpOptions = {}): Promise<InfraUpResult> {
  const env = options.env ?? process.env;
  const root = options.root ?? findRepoRoot();
  const log = options.log ?? (() => undefined);
  const dir = infraDir(env, root);

  const reused = await reuseRunning(dir, env);
  if (reused) return reused;

  const externalBrokers = kafkaBrokersFromEnv(env);
  const composeWanted = (!externalBrokers || !env.DATABASE_URL || !env.REDIS_URL) && (await dockerCliAnswers(env));
  if (composeWanted) return upWithCompose(root, dir, env, externalBrokers, log);

  const databaseUrl = databaseUrlFromEnv(env);
  const redisUrl = redisUrlFromEnv(env);
  await requirePostgres(databaseUrl);
  await requireRedis(redisUrl);

  let kafka: KafkaProvision;
  if (externalBrokers) {
    await requireKafka(externalBrokers);
    kafka = { kind: 'external', brokers: externalBrokers };
  } else {
    const dataDir = localBrokerDataDir(env, dir);
    const running = await LocalKafkaBroker.findRunning(dataDir);
    const broker = running ?? LocalKafkaBroker.create({ port: kafkaPortFromEnv(env), dataDir, root });
    log(
      running
        ? `adopting the local Kafka broker already running on 127.0.0.1:${broker.port} (pid ${broker.processId})`
        : `starting a local Kafka broker on 127.0.0.1:${broker.port} (data in ${dataDir})...`,
    );
    await broker.start();
    kafka = localJvmProvision(broker);
  }
  writeInfraState(dir, { version: 1, startedAt: new Date().toISOString(), kafka, composeServices: [] });
  return { kafka: kafka.kind, kafkaBrokers: kafka.brokers, databaseUrl, redisUrl, startedNow: true };
}

export function localJvmProvision(broker: LocalKafkaBroker): KafkaProvision {
  return {
    kind: 'local-jvm',
    brokers: broker.brokers,
    port: broker.port,
    controllerPort: broker.controllerPort,
    dataDir: broker.dataDir,
    pid: broker.processId,
    logFile: broker.logFile,
  };
}

async function upWithCompose(
  root: string,
  dir: string,
  env: NodeJS.ProcessEnv,
  externalBrokers: string[] | undefined,
  log: (line: string) => void,
): Promise<InfraUpResult> {
  const published = composeEndpoints(kafkaPortFromEnv(env));
  const services: ComposeInfraService[] = [
    ...(externalBrokers ? [] : (['kafka'] as const)),
    ...(env.DATABASE_URL ? [] : (['postgres'] as const)),
    ...(env.REDIS_URL ? [] : (['redis'] as const)),
  ];
  log(`starting ${services.join(', ')} with Docker Compose...`);
  await composeUp(root, services);
  const kafkaBrokers = externalBrokers ?? published.brokers;
  const databaseUrl = env.DATABASE_URL ?? published.databaseUrl;
  const redisUrl = env.REDIS_URL ?? published.redisUrl;
  await requireKafka(kafkaBrokers);
  const state: InfraState = {
    version: 1,
    startedAt: new Date().toISOString(),
    kafka: externalBrokers
      ? { kind: 'external', brokers: externalBrokers }
      : { kind: 'docker-compose', brokers: kafkaBrokers },
    composeServices: services,
    ...(env.DATABASE_URL ? {} : { composeDatabaseUrl: databaseUrl }),
    ...(env.REDIS_URL ? {} : { composeRedisUrl: redisUrl }),
  };
  writeInfraState(dir, state);
  return { kafka: state.kafka.kind, kafkaBrokers, databaseUrl, redisUrl, startedNow: true };
}

/** A previous `up` whose broker still runs: reuse it rather than fail on a busy port or restart containers. */
async function reuseRunning(dir: string, env: NodeJS.ProcessEnv): Promise<InfraUpResult | undefined> {
  const state = readInfraState(dir);
  if (!state || state.kafka.kind === 'external' || kafkaBrokersFromEnv(env)) return undefined;
  if (state.kafka.kind === 'local-jvm' && !(await LocalKafkaBroker.attach(state.kafka.dataDir).isRunning())) {
    return undefined;
  }
  if (!(await probeKafka(state.kafka.brokers)).reachable) return undefined;
  const databaseUrl = env.DATABASE_URL ?? state.composeDatabaseUrl ?? databaseUrlFromEnv(env);
  const redisUrl = env.REDIS_URL ?? state.composeRedisUrl ?? redisUrlFromEnv(env);
  await requirePostgres(databaseUrl);
  await requireRedis(redisUrl);
  return { kafka: state.kafka.kind, kafkaBrokers: state.kafka.brokers, databaseUrl, redisUrl, startedNow: false };
}
