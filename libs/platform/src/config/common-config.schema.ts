import { Type } from '@sinclair/typebox';

/** Keys every service reads. Apps spread these into their own schema and add what they need. */
export const commonConfigProperties = {
  PORT: Type.Integer({ minimum: 0, maximum: 65535, description: 'HTTP port' }),
  DATABASE_URL: Type.String({ format: 'postgres-url', description: 'PostgreSQL connection URL (secret)' }),
  KAFKA_BROKERS: Type.String({ format: 'broker-list', description: 'Comma-separated host:port list' }),
  KAFKA_CLIENT_ID: Type.Optional(Type.String({ minLength: 1 })),
  REDIS_URL: Type.String({ format: 'redis-url', description: 'Redis connection URL (secret)' }),
  ORG_TIMEZONE: Type.String({ format: 'iana-timezone', default: 'Asia/Shanghai' }),
  LOG_LEVEL: Type.Union(
    [
      Type.Literal('fatal'),
      Type.Literal('error'),
      Type.Literal('warn'),
      Type.Literal('info'),
      Type.Literal('debug'),
      Type.Literal('trace'),
      Type.Literal('silent'),
    ],
    { default: 'info' },
  ),
  SHUTDOWN_TIMEOUT_MS: Type.Integer({ minimum: 1000, maximum: 600000, default: 25000 }),
  REVISIT_MIGRATE_ONLY: Type.Boolean({
    default: false,
    description: 'Apply the database migrations, then exit 0 without serving (the Kubernetes migration Job)',
  }),
};
