import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { InfraError, InfraErrorCode } from '../infra.errors';
import { cacheDir } from '../repo-root';

/** How Kafka was provided: an existing broker, Docker Compose, or a JVM broker started from the jars. */
export type KafkaProvision =
  | { readonly kind: 'external'; readonly brokers: string[] }
  | { readonly kind: 'docker-compose'; readonly brokers: string[] }
  | {
      readonly kind: 'local-jvm';
      readonly brokers: string[];
      readonly port: number;
      readonly controllerPort: number;
      readonly dataDir: string;
      readonly pid: number | undefined;
      readonly logFile: string;
    };

/**
 * What `revisit infra up` started, so `down` and `status` work from another process. Database and
 * Redis URLs are recorded only when Docker Compose provided them (fixed development credentials);
 * URLs coming from the environment are read from the environment again and never written to disk.
 */
export interface InfraState {
  readonly version: 1;
  readonly startedAt: string;
  readonly kafka: KafkaProvision;
  readonly composeServices: string[];
  readonly composeDatabaseUrl?: string;
  readonly composeRedisUrl?: string;
}

/** `REVISIT_INFRA_DIR` or `.cache/infra`: holds state.json and, by default, the local broker's data. */
export function infraDir(env: NodeJS.ProcessEnv = process.env, root?: string): string {
  return env.REVISIT_INFRA_DIR ? path.resolve(env.REVISIT_INFRA_DIR) : path.join(cacheDir(root), 'infra');
}

/** `REVISIT_KAFKA_DATA_DIR` or `<infra dir>/kafka`: the local broker's data, configuration and log. */
export function localBrokerDataDir(env: NodeJS.ProcessEnv, dir: string): string {
  return env.REVISIT_KAFKA_DATA_DIR ? path.resolve(env.REVISIT_KAFKA_DATA_DIR) : path.join(dir, 'kafka');
}

export function stateFile(dir: string): string {
  return path.join(dir, 'state.json');
}

export function readInfraState(dir: string): InfraState | undefined {
  const file = stateFile(dir);
  if (!existsSync(file)) return undefined;
  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as InfraState;
    if (state.version !== 1) throw new Error(`unsupported version ${String(state.version)}`);
    return state;
  } catch (err) {
    throw new InfraError(
      InfraErrorCode.StateFileInvalid,
      `${file} is unreadable; stop any broker still running from it and delete the file.`,
      { cause: err },
    );
  }
}

/** Written via a temporary file and a rename, so a concurrent `status` never reads half a file. */
export function writeInfraState(dir: string, state: InfraState): void {
  mkdirSync(dir, { recursive: true });
  const tmp = `${stateFile(dir)}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(tmp, stateFile(dir));
}

export function clearInfraState(dir: string): void {
  rmSync(stateFile(dir), { force: true });
}
