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
  private readonly released = new WeakSet<PoolClient>();

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
    this.release(client);
  }

  private async connect(): Promise<void> {
    // TypeORM's postgres driver keeps its pg Pool in `master` (typed any upstream).
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    try {
      const client = await pool.connect();
      // The pool hands out the same client object again after a release.
      this.released.delete(client);
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
    this.release(client, error);
    this.scheduleReconnect();
  }

  /**
   * A connection the server terminates (database dropped, failover) may report its error after `stop`
   * already gave it back, and pg-pool throws on a second release, which would crash the process.
   */
  private release(client: PoolClient, error?: Error): void {
    if (this.released.has(client)) return;
    this.released.add(client);
    client.release(error);
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    this.reconnectTimer = setTimeout(() => void this.connect(), RECONNECT_DELAY_MS);
  }
}
