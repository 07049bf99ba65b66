import { type DynamicModule, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger } from '@revisit/observability';
import { type CommonConfig, COMMON_CONFIG, ReadinessRegistry, SERVICE_LOGGER, SERVICE_NAME } from '@revisit/platform';
import { DataSource, type MixedList } from 'typeorm';
import { buildDataSourceOptions } from './data-source-options';
import { prepareDatabase } from './prepare-database';

export interface PersistenceModuleOptions {
  readonly schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly migrations: MixedList<Function | string>;
  /** Extra entities; those registered with `TypeOrmModule.forFeature` are picked up automatically. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities?: MixedList<Function | string>;
}

@Injectable()
class DatabaseReadiness implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readiness: ReadinessRegistry,
  ) {}

  onModuleInit(): void {
    this.readiness.register('database', async () => {
      await this.dataSource.query('SELECT 1');
    });
  }
}

/**
 * The app's PostgreSQL access: one DataSource on the app's own schema, the schema created and migrations
 * run before any module uses it, a `database` readiness check, and the pool closed on shutdown (by
 * TypeOrmModule's shutdown hook, after consumers stopped).
 */
@Module({})
export class PersistenceModule {
  static forApp(options: PersistenceModuleOptions): DynamicModule {
    const typeOrm = TypeOrmModule.forRootAsync({
      inject: [COMMON_CONFIG, SERVICE_NAME, SERVICE_LOGGER],
      useFactory: (config: CommonConfig, service: string, logger: Logger) => ({
        ...buildDataSourceOptions({
          schema: options.schema,
          url: config.DATABASE_URL,
          entities: options.entities,
          migrations: options.migrations,
          applicationName: `revisit-${service}`,
          logger,
        }),
        autoLoadEntities: true,
        retryAttempts: 5,
        retryDelay: 2000,
      }),
      dataSourceFactory: async (dataSourceOptions) => {
        if (!dataSourceOptions) throw new Error('missing DataSource options');
        const dataSource = await new DataSource(dataSourceOptions).initialize();
        try {
          await prepareDatabase(dataSource, options.schema);
        } catch (error) {
          await dataSource.destroy();
          throw error;
        }
        return dataSource;
      },
    });
    return { module: PersistenceModule, imports: [typeOrm], providers: [DatabaseReadiness], exports: [typeOrm] };
  }
}
