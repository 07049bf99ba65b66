import { createLogger } from '@revisit/observability';
import { connectRedis, type RedisClient } from '@revisit/persistence';
import { testRedisUrl } from '@revisit/testing';

/** Separate connections to the run's Redis, one per simulated replica, closed together. */
export class RedisClients {
  private readonly clients: RedisClient[] = [];

  async open(): Promise<RedisClient> {
    const client = await connectRedis({
      url: testRedisUrl(),
      clientName: 'outreach-channels-test',
      logger: createLogger({ service: 'outreach-test', level: 'silent' }),
    });
    this.clients.push(client);
    return client;
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.clients.splice(0).map((client) => client.close()));
  }
}
