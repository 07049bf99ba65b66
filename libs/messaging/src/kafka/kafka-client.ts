import { Kafka, logLevel, type KafkaConfig, type logCreator } from 'kafkajs';
import { stderrLogger, type MessagingLogger } from '../core/messaging-logger';

export interface KafkaClientOptions {
  clientId: string;
  brokers: readonly string[];
  /** kafkajs' own logging; WARN by default because INFO logs every group rebalance. */
  logLevel?: logLevel;
  logger?: MessagingLogger;
  connectionTimeoutMs?: number;
}

// We bound producer retries on purpose and recreate the producer after a failed send (see
// KafkaProducerAdapter), so this warning describes a case we handle and would only add noise.
const EXPECTED_WARNINGS = new Set(['Limiting retries for the idempotent producer may invalidate EoS guarantees']);

/** Sends kafkajs' log lines through our logger; kafkajs never logs message payloads. */
function toMessagingLogger(logger: MessagingLogger): logCreator {
  return () =>
    ({ namespace, level, log }) => {
      const { message, timestamp: _timestamp, logger: _name, ...fields } = log;
      if (EXPECTED_WARNINGS.has(message)) return;
      const line = `kafkajs ${namespace}: ${message}`;
      if (level === logLevel.ERROR) logger.error(line, fields);
      else if (level === logLevel.WARN) logger.warn(line, fields);
      else logger.info(line, fields);
    };
}

export function createKafkaClient(options: KafkaClientOptions): Kafka {
  const config: KafkaConfig = {
    clientId: options.clientId,
    brokers: [...options.brokers],
    logLevel: options.logLevel ?? logLevel.WARN,
    logCreator: toMessagingLogger(options.logger ?? stderrLogger),
    connectionTimeout: options.connectionTimeoutMs ?? 3000,
    // Bounded so a broker outage surfaces as an error our own backoff handles, not a silent hang.
    retry: { retries: 5, initialRetryTime: 200, maxRetryTime: 5000 },
  };
  return new Kafka(config);
}

/** Broker list from a comma-separated env value such as KAFKA_BROKERS. */
export function parseBrokers(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker.length > 0);
}
