import { type AddressInfo } from 'node:net';
import path from 'node:path';
import { createLogger } from '@revisit/observability';
import { ConfigValidationError, EXIT_INVALID_CONFIG, loadConfig } from '@revisit/platform';
import { consoleServerConfigSchema } from './console-server.config';
import { startConsoleServer } from './console-server';

/** Production server of the web console: the built files plus a same-origin proxy to the four services' APIs. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(consoleServerConfigSchema, process.env);
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      console.error(`console: ${error.message}`);
      process.exit(EXIT_INVALID_CONFIG);
    }
    throw error;
  }
  const logger = createLogger({ service: 'console', level: config.LOG_LEVEL });
  // dist/apps/console/server/main.js -> dist/apps/console/public
  const staticDir = config.CONSOLE_STATIC_DIR ?? path.join(__dirname, '..', 'public');
  const running = await startConsoleServer(
    {
      staticDir,
      upstreams: {
        outreach: config.OUTREACH_URL,
        analytics: config.ANALYTICS_URL,
        ingest: config.INGEST_URL,
        scheduler: config.SCHEDULER_URL,
      },
      upstreamTimeoutMs: config.UPSTREAM_TIMEOUT_MS,
      logger,
    },
    config.PORT,
  );
  logger.info({ port: (running.server.address() as AddressInfo).port }, 'console listening');

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'console stopping');
    const timer = setTimeout(() => process.exit(1), config.SHUTDOWN_TIMEOUT_MS);
    running.close().then(
      () => {
        clearTimeout(timer);
        process.exit(0);
      },
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main();
