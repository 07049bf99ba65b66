import { MessagingError, MessagingErrorCode } from '../core/messaging.errors';
import { DLQ_SUFFIX } from '../core/topics';

export type DlqCommand =
  | { name: 'list'; topic: string; limit: number; showPayload: boolean }
  | { name: 'redrive'; topic: string; target: { all: true } | { all: false; partition: number; offset: string } };

export const DLQ_USAGE = `usage:
  revisit dlq list --topic <topic>.dlq [--limit N] [--show-payload]
  revisit dlq redrive --topic <topic>.dlq (--all | --offset O [--partition P])
Brokers come from KAFKA_BROKERS.`;

function usage(message: string): MessagingError {
  return new MessagingError(MessagingErrorCode.InvalidArgument, `${message}\n${DLQ_USAGE}`);
}

function flags(args: readonly string[]): Map<string, string | true> {
  const parsed = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) throw usage(`unexpected argument "${arg}"`);
    const next = args[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      parsed.set(arg.slice(2), next);
      i++;
    } else {
      parsed.set(arg.slice(2), true);
    }
  }
  return parsed;
}

function text(values: Map<string, string | true>, name: string): string | undefined {
  const value = values.get(name);
  if (value === true) throw usage(`--${name} needs a value`);
  return value;
}

function nonNegativeInteger(value: string, name: string): string {
  if (!/^\d+$/.test(value)) throw usage(`--${name} must be a non-negative integer`);
  return value;
}

export function parseDlqArguments(argv: readonly string[]): DlqCommand {
  const [name, ...rest] = argv;
  const values = flags(rest);
  const topic = text(values, 'topic');
  if (!topic) throw usage('--topic is required');
  if (!topic.endsWith(DLQ_SUFFIX)) throw usage(`--topic must name a dead-letter topic (ending in ${DLQ_SUFFIX})`);
  switch (name) {
    case 'list': {
      const limit = Number(nonNegativeInteger(text(values, 'limit') ?? '100', 'limit'));
      return { name, topic, limit, showPayload: values.get('show-payload') === true };
    }
    case 'redrive': {
      const offset = text(values, 'offset');
      const all = values.get('all') === true;
      if (all === (offset !== undefined)) throw usage('redrive needs exactly one of --all or --offset');
      if (all) return { name, topic, target: { all: true } };
      const partition = Number(nonNegativeInteger(text(values, 'partition') ?? '0', 'partition'));
      return { name, topic, target: { all: false, partition, offset: nonNegativeInteger(offset!, 'offset') } };
    }
    default:
      throw usage(name ? `unknown dlq command "${name}"` : 'a dlq command is required');
  }
}
