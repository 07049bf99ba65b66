import path from 'node:path';
import { InfraError, InfraErrorCode } from '../infra.errors';
import { runCommand } from '../process/run-command';

export type ComposeInfraService = 'kafka' | 'postgres' | 'redis';

/** The URLs under which docker-compose.yml publishes its infrastructure on the host. */
export function composeEndpoints(kafkaPort: number): { brokers: string[]; databaseUrl: string; redisUrl: string } {
  return {
    brokers: [`127.0.0.1:${kafkaPort}`],
    databaseUrl: 'postgres://revisit:revisit@127.0.0.1:5432/revisit',
    redisUrl: 'redis://127.0.0.1:6379',
  };
}

/** `docker compose up -d --wait <services>`: returns once each container's health check passes. */
export async function composeUp(root: string, services: readonly ComposeInfraService[]): Promise<void> {
  await compose(root, ['up', '-d', '--wait', ...services], 10 * 60_000);
}

/** Stops (keeps) the containers, so their volumes and data survive until `docker compose down -v`. */
export async function composeStop(root: string, services: readonly ComposeInfraService[]): Promise<void> {
  await compose(root, ['stop', ...services], 2 * 60_000);
}

async function compose(root: string, args: readonly string[], timeoutMs: number): Promise<void> {
  const file = path.join(root, 'docker-compose.yml');
  const result = await runCommand('docker', ['compose', '-f', file, ...args], { timeoutMs, cwd: root });
  if (result.code !== 0) {
    const detail = result.stderr.trim().split('\n').slice(-5).join('\n');
    throw new InfraError(
      InfraErrorCode.DockerComposeFailed,
      `\`docker compose ${args.join(' ')}\` failed (${result.error ?? `exit ${result.code}`}).${detail ? `\n${detail}` : ''}`,
    );
  }
}
