import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCommand } from '../process/run-command';

/**
 * `REVISIT_DOCKER=0` forces the no-Docker path (e.g. to test the local JVM broker on a machine that has
 * Docker); `REVISIT_DOCKER=1` skips detection.
 */
function dockerOverride(env: NodeJS.ProcessEnv): boolean | undefined {
  if (env.REVISIT_DOCKER === '0') return false;
  if (env.REVISIT_DOCKER === '1') return true;
  return undefined;
}

/** True when the docker CLI reaches a running engine within `timeoutMs` (needed for `docker compose`). */
export async function dockerCliAnswers(env: NodeJS.ProcessEnv = process.env, timeoutMs = 3_000): Promise<boolean> {
  const override = dockerOverride(env);
  if (override !== undefined) return override;
  const result = await runCommand('docker', ['info', '--format', '{{.ServerVersion}}'], { timeoutMs, env });
  return result.code === 0 && result.stdout.trim().length > 0;
}

/**
 * True when a Docker engine socket is configured or present. Testcontainers talks to the socket directly,
 * so the CLI is not required; this is a cheap pre-check before asking Testcontainers to connect.
 */
export function dockerSocketPresent(env: NodeJS.ProcessEnv = process.env): boolean {
  const override = dockerOverride(env);
  if (override !== undefined) return override;
  if (env.DOCKER_HOST) return true;
  const candidates = [
    '/var/run/docker.sock',
    path.join(os.homedir(), '.docker', 'run', 'docker.sock'),
    path.join(os.homedir(), '.docker', 'desktop', 'docker.sock'),
    path.join(os.homedir(), '.colima', 'default', 'docker.sock'),
    env.XDG_RUNTIME_DIR ? path.join(env.XDG_RUNTIME_DIR, 'docker.sock') : undefined,
  ];
  return candidates.some((candidate) => candidate !== undefined && existsSync(candidate));
}
