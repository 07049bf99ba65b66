import { COMMANDS } from './commands';

export function helpText(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length), 'help'.length);
  const lines = Object.entries(COMMANDS).map(([name, entry]) => `  ${name.padEnd(width)}  ${entry.summary}`);
  return [
    'Usage: revisit <command> [arguments]',
    '',
    'Commands:',
    ...lines,
    `  ${'help'.padEnd(width)}  show this text`,
    '',
    'Environment: KAFKA_BROKERS, DATABASE_URL, REDIS_URL point at existing infrastructure;',
    'REVISIT_KAFKA_PORT (default 9092) and REVISIT_KAFKA_DATA_DIR configure the local broker.',
    'See docs/infrastructure.md.',
  ].join('\n');
}
