/**
 * Every way provisioning local infrastructure can fail. The CLI maps each code to an exit code and the
 * test set-up reports the message as is, so messages are one sentence telling the reader what to do.
 * Messages never carry credentials: URLs are redacted before they are put in a message.
 */
export enum InfraErrorCode {
  JavaMissing = 'infra.java_missing',
  JavaTooOld = 'infra.java_too_old',
  MavenMissing = 'infra.maven_missing',
  KafkaJarsFetchFailed = 'infra.kafka_jars_fetch_failed',
  PortInUse = 'infra.port_in_use',
  StorageFormatFailed = 'infra.storage_format_failed',
  BrokerExited = 'infra.broker_exited',
  BrokerNotReady = 'infra.broker_not_ready',
  BrokerStopFailed = 'infra.broker_stop_failed',
  BrokerNotRestartable = 'infra.broker_not_restartable',
  DockerComposeFailed = 'infra.docker_compose_failed',
  KafkaUnreachable = 'infra.kafka_unreachable',
  PostgresUnreachable = 'infra.postgres_unreachable',
  RedisUnreachable = 'infra.redis_unreachable',
  StateFileInvalid = 'infra.state_file_invalid',
  RepoRootNotFound = 'infra.repo_root_not_found',
  InvalidSetting = 'infra.invalid_setting',
}

export class InfraError extends Error {
  override readonly name = 'InfraError';

  constructor(
    readonly code: InfraErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** True for the codes that mean "something must be installed or configured first", not a runtime fault. */
export function isMissingPrerequisite(code: InfraErrorCode): boolean {
  switch (code) {
    case InfraErrorCode.JavaMissing:
    case InfraErrorCode.JavaTooOld:
    case InfraErrorCode.MavenMissing:
    case InfraErrorCode.PortInUse:
    case InfraErrorCode.RepoRootNotFound:
    case InfraErrorCode.InvalidSetting:
      return true;
    case InfraErrorCode.KafkaJarsFetchFailed:
    case InfraErrorCode.StorageFormatFailed:
    case InfraErrorCode.BrokerExited:
    case InfraErrorCode.BrokerNotReady:
    case InfraErrorCode.BrokerStopFailed:
    case InfraErrorCode.BrokerNotRestartable:
    case InfraErrorCode.DockerComposeFailed:
    case InfraErrorCode.KafkaUnreachable:
    case InfraErrorCode.PostgresUnreachable:
    case InfraErrorCode.RedisUnreachable:
    case InfraErrorCode.StateFileInvalid:
      return false;
  }
}
