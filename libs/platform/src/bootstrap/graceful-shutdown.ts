import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { type Logger, shutdownTelemetry } from '@revisit/observability';
import type { ReadinessRegistry } from '../health/readiness-registry';

export interface GracefulShutdownOptions {
  readonly app: INestApplication;
  readonly server: Server;
  readonly readiness: ReadinessRegistry;
  readonly logger: Logger;
  readonly timeoutMs: number;
  /** Injected by tests; the real one ends the process. */
  readonly exit?: (code: number) => void;
}

export type ShutdownTrigger = (reason: string, exitCode?: number) => Promise<void>;

/**
 * The order matters: stop being routed to (readiness 503), stop accepting connections and let in-flight
 * requests finish, then `app.close()` runs the Nest hooks in which consumers finish their batch and commit,
 * and the database, Redis and Kafka clients close. A watchdog ends the process if that takes longer than
 * the budget (Kubernetes sends SIGKILL after its grace period anyway; we prefer to exit with a log line).
 */
export function installGracefulShutdown(options: GracefulShutdownOptions): ShutdownTrigger {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const shutdown = createShutdown({ ...options, exit });
  const onSignal = (signal: NodeJS.Signals): void => {
    if (shutdown.started()) {
      // A second Ctrl-C means "now".
      options.logger.warn({ signal }, 'second signal during shutdown, exiting immediately');
      exit(130);
      return;
    }
    void shutdown.trigger(signal);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  process.on('unhandledRejection', (error) => {
    options.logger.fatal({ err: error }, 'unhandled promise rejection');
    void shutdown.trigger('unhandledRejection', 1);
  });
  process.on('uncaughtException', (error) => {
    options.logger.fatal({ err: error }, 'uncaught exception');
    void shutdown.trigger('uncaughtException', 1);
  });
  return shutdown.trigger;
}

/** The shutdown sequence without process signal wiring, so it can be exercised on its own. */
export function createShutdown(options: GracefulShutdownOptions & { exit: (code: number) => void }): {
  trigger: ShutdownTrigger;
  started: () => boolean;
} {
  let shuttingDown = false;
  let exited = false;
  // Only the first verdict counts: once the watchdog gave up, a late completion must not exit again.
  const exit = (code: number): void => {
    if (exited) return;
    exited = true;
    options.exit(code);
  };

  const shutdown: ShutdownTrigger = async (reason, exitCode = 0) => {
    if (shuttingDown) return;
    shuttingDown = true;
    const started = Date.now();
    options.logger.info({ reason, timeoutMs: options.timeoutMs }, 'shutdown started');
    const watchdog = setTimeout(() => {
      options.logger.error({ reason, timeoutMs: options.timeoutMs }, 'shutdown timed out, exiting');
      exit(1);
    }, options.timeoutMs);
    try {
      options.readiness.markDraining();
      await closeHttpServer(options.server);
      await options.app.close();
      await shutdownTelemetry();
      options.logger.info({ durationMs: Date.now() - started }, 'shutdown complete');
      exit(exitCode);
    } catch (error) {
      options.logger.error({ err: error }, 'shutdown failed');
      exit(1);
    } finally {
      clearTimeout(watchdog);
    }
  };

  return { trigger: shutdown, started: () => shuttingDown };
}

function closeHttpServer(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve) => {
    // Resolves once in-flight requests are answered; idle keep-alive sockets are dropped at once.
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
