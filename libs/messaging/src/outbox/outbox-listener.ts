import { type Pool, type PoolClient } from 'pg';
import { type DataSource } from 'typeorm';
import { describeError, type MessagingLogger } from '../core/messaging-logger';

const RECONNECT_DELAY_MS = 2000;

/**
 * Holds one pooled connection in LISTEN mode and calls `onNotify` for each outbox NOTIFY.
 * If the connection drops it reconnects; meanwhile the relay's fallback poll keeps it working.
 */
export class OutboxListener {
  private client: PoolClient | undefined;
  private stopped = true;
  private reconnectTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly channel: string,
    private readonly onNotify: () => void,
    private readonly logger: MessagingLogger,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    await client.query(`UNLISTEN "${this.channel}"`).catch(() => undefined);
    client.release();
  }

  private async connect(): Promise<void> {
    // TypeORM's postgres driver keeps its pg Pool in `master` (typed any upstream).
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    try {
      const client = await pool.connect();
      client.on('notification', (message) => {
        if (message.channel === this.channel) this.onNotify();
      });
      client.on('error', (error) => this.dropped(client, error));
      await client.query(`LISTEN "${this.channel}"`);
      this.client = client;
      // Rows may have been committed while we were not listening.
      this.onNotify();
    } catch (error) {
      this.logger.warn('outbox listener could not connect; relying on polling', describeError(error));
      this.scheduleReconnect();
    }
  }

  private dropped(client: PoolClient, error: Error): void {
    this.logger.warn('outbox listener connection lost', describeError(error));
    if (this.client === client) this.client = undefined;
    client.release(error);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    this.reconnectTimer = setTimeout(() => void this.connect(), RECONNECT_DELAY_MS);
  }
}
