export { InfraError, InfraErrorCode, isMissingPrerequisite } from './infra.errors';
export { findRepoRoot, cacheDir } from './repo-root';
export {
  DEFAULT_DATABASE_URL,
  DEFAULT_KAFKA_PORT,
  DEFAULT_REDIS_URL,
  databaseUrlFromEnv,
  kafkaBrokersFromEnv,
  kafkaPortFromEnv,
  redactUrl,
  redisUrlFromEnv,
} from './urls';
export { LocalKafkaBroker, BROKER_STOP_GRACE_MS, type LocalKafkaBrokerOptions } from './kafka/local-kafka-broker';
export { findJava, parseJavaMajor, MINIMUM_JAVA_MAJOR, type JavaRuntime } from './kafka/java-runtime';
export { ensureKafkaJars, kafkaJarsPresent, pinnedKafkaVersion } from './kafka/kafka-jars';
export { renderServerProperties, renderLog4j2Properties, newClusterId } from './kafka/broker-config';
export { probeKafka, waitForKafka, type ProbeResult } from './probes/kafka-probe';
export { probePostgres } from './probes/postgres-probe';
export { probeRedis } from './probes/redis-probe';
export { dockerCliAnswers, dockerSocketPresent } from './docker/docker-engine';
export { findFreePortPair, isPortFree } from './net/free-port';
export { isProcessRunning, terminateProcess } from './process/process-control';
export {
  requireKafka,
  requirePostgres,
  requireRedis,
  type InfraComponent,
  type InfraEndpoints,
} from './infra-endpoints';
export { infraUp, type InfraUpOptions, type InfraUpResult } from './infra-up';
export { infraDown, type InfraDownResult } from './infra-down';
export { infraStatus, type ComponentStatus } from './infra-status';
export { infraDir, readInfraState, type InfraState, type KafkaProvision } from './state/infra-state';
