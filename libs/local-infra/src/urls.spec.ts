import { InfraError, InfraErrorCode } from './infra.errors';
import {
  DEFAULT_DATABASE_URL,
  DEFAULT_REDIS_URL,
  databaseUrlFromEnv,
  kafkaBrokersFromEnv,
  kafkaPortFromEnv,
  redactUrl,
  redisUrlFromEnv,
} from './urls';

describe('URLs from the environment', () => {
  it('falls back to the local defaults when unset or blank', () => {
    expect(databaseUrlFromEnv({})).toBe(DEFAULT_DATABASE_URL);
    expect(redisUrlFromEnv({ REDIS_URL: '  ' })).toBe(DEFAULT_REDIS_URL);
    expect(kafkaBrokersFromEnv({})).toBeUndefined();
    expect(kafkaBrokersFromEnv({ KAFKA_BROKERS: ' , ' })).toBeUndefined();
    expect(kafkaPortFromEnv({})).toBe(9092);
  });

  it('splits KAFKA_BROKERS on commas and trims each broker', () => {
    expect(kafkaBrokersFromEnv({ KAFKA_BROKERS: 'a:9092, b:9092 ,' })).toEqual(['a:9092', 'b:9092']);
  });

  it('rejects a REVISIT_KAFKA_PORT that leaves no room for the controller on port + 1', () => {
    expect(kafkaPortFromEnv({ REVISIT_KAFKA_PORT: '19092' })).toBe(19092);
    for (const bad of ['65535', '0', 'abc', '90.5']) {
      const attempt = (): number => kafkaPortFromEnv({ REVISIT_KAFKA_PORT: bad });
      expect(attempt).toThrow(InfraError);
      expect(attempt).toThrow(expect.objectContaining({ code: InfraErrorCode.InvalidSetting }));
    }
  });
});

describe('redactUrl', () => {
  it('hides the password and keeps the rest', () => {
    expect(redactUrl('postgres://app:s3cret@db:5432/revisit')).toBe('postgres://app:***@db:5432/revisit');
    expect(redactUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });

  it('never echoes an unparseable value, which could be a secret', () => {
    expect(redactUrl('not a url with password hunter2')).toBe('<unparseable URL>');
  });
});
