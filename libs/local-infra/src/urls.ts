import { InfraError, InfraErrorCode } from './infra.errors';

/** Where each component is expected when nothing else is configured (see docs/engineering.md, ports). */
export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
export const DEFAULT_KAFKA_PORT = 9092;

export function databaseUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return nonEmpty(env.DATABASE_URL) ?? DEFAULT_DATABASE_URL;
}

export function redisUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return nonEmpty(env.REDIS_URL) ?? DEFAULT_REDIS_URL;
}

/** `KAFKA_BROKERS` as a list (comma separated host:port), or undefined when not set. */
export function kafkaBrokersFromEnv(env: NodeJS.ProcessEnv = process.env): string[] | undefined {
  const raw = nonEmpty(env.KAFKA_BROKERS);
  if (!raw) return undefined;
  const brokers = raw
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
  return brokers.length > 0 ? brokers : undefined;
}

export function kafkaPortFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = nonEmpty(env.REVISIT_KAFKA_PORT);
  if (!raw) return DEFAULT_KAFKA_PORT;
  const port = Number(raw);
  // The controller listens on port + 1, so the broker port must leave room for it.
  if (!Number.isInteger(port) || port < 1 || port > 65534) {
    throw new InfraError(
      InfraErrorCode.InvalidSetting,
      `REVISIT_KAFKA_PORT must be an integer between 1 and 65534, got "${raw}".`,
    );
  }
  return port;
}

/** Hides the password of a URL so it can be printed or put in an error message. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable URL>';
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim().length > 0 ? value.trim() : undefined;
}
