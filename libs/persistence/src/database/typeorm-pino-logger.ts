import type { Logger as PinoLogger } from '@revisit/observability';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * Routes TypeORM's own logging through the redacting logger. Query parameters are never logged: they are
 * patient data (names, phone numbers) that value patterns cannot reliably recognise.
 */
export class TypeOrmPinoLogger implements TypeOrmLogger {
  constructor(private readonly logger: PinoLogger) {}

  logQuery(): void {
    // Every statement at info level would flood the log; tracing (pg instrumentation) covers this.
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger.error({ err: error, query: truncate(query) }, 'query failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ durationMs: time, query: truncate(query) }, 'slow query');
  }

  logSchemaBuild(message: string): void {
    this.logger.debug({ context: 'typeorm' }, message);
  }

  logMigration(message: string): void {
    this.logger.info({ context: 'migrations' }, message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    this.logger[level === 'warn' ? 'warn' : 'info']({ context: 'typeorm' }, String(message));
  }
}

function truncate(query: string): string {
  return query.length > 500 ? `${query.slice(0, 500)}...` : query;
}
