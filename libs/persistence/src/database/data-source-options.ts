import type { MixedList } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import type { Logger as PinoLogger } from '@revisit/observability';
import { TypeOrmPinoLogger } from './typeorm-pino-logger';

// Function and class are how TypeORM itself types entity and migration lists.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type ClassList = MixedList<Function | string>;

export interface AppDatabaseOptions {
  /** The app's PostgreSQL schema (`ingest`, `scheduler`, ...); every table of the app lives in it. */
  readonly schema: string;
  readonly url: string;
  readonly entities?: ClassList;
  readonly migrations: ClassList;
  readonly applicationName: string;
  readonly logger: PinoLogger;
  readonly poolSize?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertSchemaName(schema: string): void {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name "${schema}": use lower-case letters, digits, _`);
}

/**
 * Options for an app's DataSource. Never `synchronize`: the schema only changes through reviewed migrations,
 * run by `prepareDatabase` once the schema exists. `search_path` points at the app's schema so raw SQL in
 * migrations and repositories resolves unqualified names there.
 */
export function buildDataSourceOptions(options: AppDatabaseOptions): PostgresConnectionOptions {
  assertSchemaName(options.schema);
  return {
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities ?? [],
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsRun: false,
    synchronize: false,
    applicationName: options.applicationName,
    logger: new TypeOrmPinoLogger(options.logger),
    logging: ['error', 'warn', 'migration'],
    maxQueryExecutionTime: 1000,
    extra: {
      max: options.poolSize ?? 10,
      options: `-c search_path=${options.schema},public`,
      connectionTimeoutMillis: 5000,
    },
  };
}
