import {
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type { Logger } from '@revisit/observability';
import { type CommonConfig, COMMON_CONFIG, ReadinessRegistry, SERVICE_LOGGER, SERVICE_NAME } from '@revisit/platform';
import { connectRedis, type RedisClient } from './redis-client';

export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

@Injectable()
class RedisLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(REDIS_CLIENT) private readonly client: RedisClient,
    private readonly readiness: ReadinessRegistry,
  ) {}

  onModuleInit(): void {
    this.readiness.register('redis', async () => {
      if (!this.client.isReady) throw new Error('not connected');
      await this.client.ping();
    });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.client.isOpen) await this.client.close();
  }
}

/** A connected node-redis client under `REDIS_CLIENT`, with a `redis` readiness check, closed on shutdown. */
@Module({})
export class RedisModule {
  static forRoot(): DynamicModule {
    return {
      module: RedisModule,
      global: true,
      providers: [
        {
          provide: REDIS_CLIENT,
          inject: [COMMON_CONFIG, SERVICE_NAME, SERVICE_LOGGER],
          useFactory: (config: CommonConfig, service: string, logger: Logger) =>
            connectRedis({ url: config.REDIS_URL, clientName: `revisit-${service}`, logger }),
        },
        RedisLifecycle,
      ],
      exports: [REDIS_CLIENT],
    };
  }
}
