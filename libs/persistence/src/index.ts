export { buildDataSourceOptions, type AppDatabaseOptions } from './database/data-source-options';
export { PersistenceModule, type PersistenceModuleOptions } from './database/persistence.module';
export { prepareDatabase } from './database/prepare-database';
export { TypeOrmPinoLogger } from './database/typeorm-pino-logger';
export { connectRedis, type RedisClient } from './redis/redis-client';
export { REDIS_CLIENT, RedisModule } from './redis/redis.module';
