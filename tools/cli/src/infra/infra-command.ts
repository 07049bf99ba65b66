import { infraDown, infraStatus, infraUp, redactUrl, type ComponentStatus } from '@revisit/local-infra';
import { CliExitCode } from '../cli-exit-code';

const USAGE = 'Usage: revisit infra up|down|status';

/** `revisit infra up|down|status`. Errors propagate to the dispatcher, which maps them to exit codes. */
export async function run(args: readonly string[]): Promise<number> {
  const [action, ...rest] = args;
  if (rest.length > 0) {
    console.error(USAGE);
    return CliExitCode.Usage;
  }
  switch (action) {
    case 'up':
      return up();
    case 'down':
      return down();
    case 'status':
      return status();
    default:
      console.error(USAGE);
      return CliExitCode.Usage;
  }
}

async function up(): Promise<number> {
  const result = await infraUp({ log: (line) => console.log(line) });
  console.log(`infrastructure ${result.startedNow ? 'up' : 'was already up'} (Kafka: ${result.kafka})`);
  console.log(`KAFKA_BROKERS=${result.kafkaBrokers.join(',')}`);
  console.log(`DATABASE_URL=${redactUrl(result.databaseUrl)}`);
  console.log(`REDIS_URL=${redactUrl(result.redisUrl)}`);
  return CliExitCode.Ok;
}

async function down(): Promise<number> {
  const { stopped } = await infraDown();
  console.log(
    stopped.length > 0 ? `stopped: ${stopped.join(', ')}` : 'nothing started by `revisit infra up` is running',
  );
  return CliExitCode.Ok;
}

async function status(): Promise<number> {
  const components = await infraStatus();
  console.log(formatStatus(components));
  return components.every((c) => c.reachable) ? CliExitCode.Ok : CliExitCode.Failure;
}

/** One line per component: name, reachable or not, URL, where the URL came from, and why when down. */
export function formatStatus(components: readonly ComponentStatus[]): string {
  const urlWidth = Math.max(...components.map((c) => c.url.length));
  return components
    .map((c) => {
      const state = c.reachable ? 'reachable' : 'unreachable';
      const why = !c.reachable && c.detail ? `  ${c.detail}` : '';
      return `${c.component.padEnd(8)} ${state.padEnd(11)} ${c.url.padEnd(urlWidth)}  (${c.source})${why}`;
    })
    .join('\n');
}
