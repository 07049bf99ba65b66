#!/usr/bin/env node
// `revisit dlq list|redrive ...`: inspect and redrive dead-letter topics. Exit codes follow
// sysexits: 64 usage, 69 Kafka unavailable, 70 internal error.
import { MessagingError, MessagingErrorCode } from '../core/messaging.errors';
import { silentLogger } from '../core/messaging-logger';
import { createKafkaClient, parseBrokers } from '../kafka/kafka-client';
import { KafkaProducerAdapter } from '../kafka/kafka-producer.adapter';
import { DLQ_USAGE, parseDlqArguments } from './dlq-arguments';
import { listDeadLetters, redriveDeadLetters, type Output } from './dlq-commands';

export enum DlqExitCode {
  Ok = 0,
  Usage = 64,
  Unavailable = 69,
  Internal = 70,
}

export function exitCodeOf(error: unknown): DlqExitCode {
  // kafkajs names its errors KafkaJS*: connection, timeout and coordinator failures alike.
  if (error instanceof Error && error.name.startsWith('KafkaJS')) return DlqExitCode.Unavailable;
  if (!(error instanceof MessagingError)) return DlqExitCode.Internal;
  switch (error.code) {
    case MessagingErrorCode.InvalidArgument:
      return DlqExitCode.Usage;
    case MessagingErrorCode.NotConnected:
    case MessagingErrorCode.PublishFailed:
      return DlqExitCode.Unavailable;
    case MessagingErrorCode.UnknownEventType:
    case MessagingErrorCode.SchemaViolation:
    case MessagingErrorCode.MalformedMessage:
    case MessagingErrorCode.HandlerFailed:
    case MessagingErrorCode.MissingHandler:
    case MessagingErrorCode.DuplicateHandler:
      return DlqExitCode.Internal;
  }
}

export async function runDlq(argv: readonly string[], env: NodeJS.ProcessEnv, out: Output): Promise<DlqExitCode> {
  const command = parseDlqArguments(argv);
  const brokers = parseBrokers(env.KAFKA_BROKERS);
  if (brokers.length === 0) {
    throw new MessagingError(MessagingErrorCode.InvalidArgument, `KAFKA_BROKERS is not set\n${DLQ_USAGE}`);
  }
  const kafka = createKafkaClient({ clientId: 'revisit-dlq', brokers, logger: silentLogger });
  switch (command.name) {
    case 'list': {
      const count = await listDeadLetters(kafka, command.topic, command.limit, command.showPayload, out);
      out.line(`${count} dead letter(s) shown`);
      return DlqExitCode.Ok;
    }
    case 'redrive': {
      const publisher = new KafkaProducerAdapter(kafka);
      try {
        const result = await redriveDeadLetters(kafka, publisher, command.topic, command.target, out);
        out.line(`${result.redriven} redriven, ${result.alreadyDone} already redriven before`);
      } finally {
        await publisher.disconnect();
      }
      return DlqExitCode.Ok;
    }
  }
}

if (require.main === module) {
  const out: Output = { line: (text) => process.stdout.write(`${text}\n`) };
  runDlq(process.argv.slice(2), process.env, out).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`revisit dlq: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(exitCodeOf(error));
    },
  );
}
