import { Type, type Static } from '@sinclair/typebox';
import { LOG_LEVELS } from '@revisit/observability';

export const consoleServerConfigSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000, description: 'HTTP port' }),
  OUTREACH_URL: Type.String({ format: 'uri', default: 'http://127.0.0.1:3003', description: 'outreach base URL' }),
  ANALYTICS_URL: Type.String({ format: 'uri', default: 'http://127.0.0.1:3004', description: 'analytics base URL' }),
  // The single public entry of a deployment: staff reach every service's API through the console's origin.
  INGEST_URL: Type.String({ format: 'uri', default: 'http://127.0.0.1:3001', description: 'ingest base URL' }),
  SCHEDULER_URL: Type.String({ format: 'uri', default: 'http://127.0.0.1:3002', description: 'scheduler base URL' }),
  CONSOLE_STATIC_DIR: Type.Optional(Type.String({ minLength: 1, description: 'built console (vite build output)' })),
  UPSTREAM_TIMEOUT_MS: Type.Integer({ minimum: 1000, maximum: 600000, default: 60000 }),
  LOG_LEVEL: Type.Union(
    LOG_LEVELS.map((level) => Type.Literal(level)),
    { default: 'info' },
  ),
  SHUTDOWN_TIMEOUT_MS: Type.Integer({ minimum: 1000, maximum: 600000, default: 25000 }),
});
export type ConsoleServerConfig = Static<typeof consoleServerConfigSchema>;
