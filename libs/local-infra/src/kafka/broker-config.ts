import { randomBytes } from 'node:crypto';

export interface BrokerConfigInput {
  readonly port: number;
  readonly controllerPort: number;
  /** Where the partitions and the KRaft metadata log live (`log.dirs`). */
  readonly logDirs: string;
}

/**
 * A single combined broker + controller (KRaft). The replication-factor-1 lines are what let one broker
 * create `__consumer_offsets` and the transaction log; without them consumers loop on "group coordinator
 * not available" (kafkajs issue 1752).
 */
export function renderServerProperties(input: BrokerConfigInput): string {
  const { port, controllerPort, logDirs } = input;
  return [
    '# Written by @revisit/local-infra; rewritten on every start.',
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
    'inter.broker.listener.name=PLAINTEXT',
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    `log.dirs=${escapeProperty(logDirs)}`,
    'num.partitions=1',
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    'num.network.threads=2',
    'num.io.threads=2',
    // Topics are created by the services on first use in development and tests.
    'auto.create.topics.enable=true',
    '',
  ].join('\n');
}

/** Console logging only (the process output is redirected to a file): warnings, plus broker start/stop. */
export function renderLog4j2Properties(): string {
  return [
    '# Written by @revisit/local-infra.',
    'status = warn',
    'appender.console.type = Console',
    'appender.console.name = STDOUT',
    'appender.console.layout.type = PatternLayout',
    'appender.console.layout.pattern = [%d] %p %m (%c)%n',
    'rootLogger.level = WARN',
    'rootLogger.appenderRef.stdout.ref = STDOUT',
    'logger.server.name = kafka.server',
    'logger.server.level = INFO',
    '',
  ].join('\n');
}

/**
 * A KRaft cluster id: 16 random bytes, base64url without padding, as Kafka's `Uuid.randomUuid()` prints
 * them. Generated here to save a JVM start; Kafka rejects ids starting with '-' on the command line.
 */
export function newClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

/** Java properties treat backslashes as escapes (Windows paths). */
function escapeProperty(value: string): string {
  return value.replace(/\\/g, '\\\\');
}
