import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Type } from '@sinclair/typebox';
import { commonConfigProperties } from './common-config.schema';
import { ConfigValidationError } from './config-error';
import { parseBrokerList } from './formats';
import { loadConfig } from './load-config';

const schema = Type.Object({ ...commonConfigProperties, MLLP_PORT: Type.Integer({ default: 2575 }) });
const valid = {
  PORT: '3001',
  DATABASE_URL: 'postgres://app:pw@127.0.0.1:5432/revisit',
  KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.2:9092',
  REDIS_URL: 'redis://127.0.0.1:6379',
};

function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadConfig(schema, env);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected the config to be rejected');
}

describe('loadConfig', () => {
  it('coerces types and applies defaults', () => {
    const config = loadConfig(schema, valid);
    expect(config).toEqual({
      ...valid,
      PORT: 3001,
      ORG_TIMEZONE: 'Asia/Shanghai',
      LOG_LEVEL: 'info',
      SHUTDOWN_TIMEOUT_MS: 25000,
      REVISIT_MIGRATE_ONLY: false,
      MLLP_PORT: 2575,
    });
    expect(parseBrokerList(config.KAFKA_BROKERS)).toEqual(['127.0.0.1:9092', '127.0.0.2:9092']);
  });

  it('lists every problem, one line each, without echoing any value', () => {
    const env = {
      PORT: 'http',
      DATABASE_URL: 'mysql://root:hunter2@db/x',
      KAFKA_BROKERS: 'kafka',
      ORG_TIMEZONE: 'Mars/Olympus',
      LOG_LEVEL: 'loud',
      SHUTDOWN_TIMEOUT_MS: '5',
    };
    const problems = problemsOf(env);
    expect(problems).toEqual([
      'DATABASE_URL: must be a valid postgres-url',
      'KAFKA_BROKERS: must be a valid broker-list',
      'LOG_LEVEL: must be one of the allowed values',
      'ORG_TIMEZONE: must be a valid iana-timezone',
      'PORT: must be integer',
      'REDIS_URL: is required',
      'SHUTDOWN_TIMEOUT_MS: must be >= 1000',
    ]);
    const message = new ConfigValidationError(problems).message;
    for (const value of Object.values(env)) expect(message).not.toContain(value);
  });

  it('reads secrets from <NAME>_FILE and rejects ambiguous or unreadable ones', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'revisit-config-'));
    const secret = path.join(dir, 'database-url');
    writeFileSync(secret, 'postgres://app:from-file@db:5432/revisit\n');
    const { DATABASE_URL: _omitted, ...rest } = valid;
    expect(loadConfig(schema, { ...rest, DATABASE_URL_FILE: secret }).DATABASE_URL).toBe(
      'postgres://app:from-file@db:5432/revisit',
    );
    expect(problemsOf({ ...valid, DATABASE_URL_FILE: secret })).toEqual([
      'DATABASE_URL: set either DATABASE_URL or DATABASE_URL_FILE, not both',
    ]);
    expect(problemsOf({ ...rest, DATABASE_URL_FILE: path.join(dir, 'missing') })).toContain(
      'DATABASE_URL: cannot read DATABASE_URL_FILE (ENOENT)',
    );
    rmSync(dir, { recursive: true, force: true });
  });
});
