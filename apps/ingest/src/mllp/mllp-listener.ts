import { type BeforeApplicationShutdown, Inject, Injectable, type OnModuleInit, Optional } from '@nestjs/common';
import type { Logger } from '@revisit/observability';
import { SERVICE_LOGGER, ServiceLifecycle } from '@revisit/platform';
import { Hl7Receiver } from '../raw-messages/hl7-receiver.service';
import { MLLP_QUERY_HANDLER, type MllpQueryHandler } from './mllp-query-handler';
import { SourceAuthenticator } from '../sources/source-authenticator.service';
import { identifyMllpPeer } from './identify-mllp-peer';
import { MllpServer } from './mllp-server';
import { MLLP_OPTIONS, type MllpOptions } from './mllp.tokens';

/**
 * Opens the MLLP port only after HTTP listens (so readiness is reported before senders connect) and closes
 * it before the database pool goes away on shutdown.
 */
@Injectable()
export class MllpListener implements OnModuleInit, BeforeApplicationShutdown {
  private readonly server: MllpServer;
  private boundPort: number | undefined;

  constructor(
    receiver: Hl7Receiver,
    sources: SourceAuthenticator,
    private readonly lifecycle: ServiceLifecycle,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
    @Inject(MLLP_OPTIONS) private readonly options: MllpOptions,
    @Optional() @Inject(MLLP_QUERY_HANDLER) queries?: MllpQueryHandler,
  ) {
    // Queries (PIX ITI-9) from an identified source are answered from the registry, not stored as feed
    // messages; from an unknown peer they go the feed way and are refused like any other message.
    this.server = new MllpServer(
      async (frame, connection) =>
        queries?.accepts(frame) && connection.source
          ? queries.answer(frame)
          : (await receiver.receive(frame, 'mllp', connection.source)).ackBytes,
      logger,
      { identify: (peer) => identifyMllpPeer(sources, peer), tls: options.tls },
    );
  }

  onModuleInit(): void {
    this.lifecycle.onListening('mllp', async () => {
      this.boundPort = await this.server.listen(this.options.port);
      this.logger.info({ port: this.boundPort }, 'mllp listening');
    });
  }

  /** The bound port (differs from the configured one when that was 0). */
  port(): number | undefined {
    return this.boundPort;
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.boundPort !== undefined) await this.server.close();
  }
}
