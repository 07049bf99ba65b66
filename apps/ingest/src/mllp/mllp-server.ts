import { createServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer, type TlsOptions, type TLSSocket } from 'node:tls';
import type { Logger } from '@revisit/observability';
import { decodeMllpFrames, encodeMllpFrame } from '../hl7v2/framing/mllp';
import { type FeedSource } from '../sources/feed-source.entity';

/** Who is on the other end of a connection, decided once when it opens. */
export interface MllpConnection {
  /** The feed source bound to the peer, or undefined for an unknown peer (its messages are refused). */
  readonly source: FeedSource | undefined;
}

/** Stores the frame and returns the ACK bytes to send back. */
export type FrameHandler = (payload: Buffer, connection: MllpConnection) => Promise<Buffer>;

export interface MllpPeer {
  readonly address: string;
  /** SHA-256 fingerprint of the client certificate the TLS layer verified (TLS connections only). */
  readonly certificateFingerprint?: string;
}

export interface MllpServerOptions {
  /** Binds a connection to a feed source: by verified client certificate on TLS, by peer address otherwise. */
  readonly identify?: (peer: MllpPeer) => Promise<FeedSource | undefined>;
  /** MLLP over TLS: server key/cert and the CA that signs client certificates (requested and verified). */
  readonly tls?: Pick<TlsOptions, 'key' | 'cert' | 'ca'>;
}

/**
 * MLLP listener: frames are handled one at a time per connection, so ACKs go back in the order the frames
 * arrived. A truncated frame (a new start byte before the end) is dropped by the decoder and only its size
 * is logged; a connection closed mid-frame loses that partial frame, which the sender resends since it got
 * no ACK.
 */
export class MllpServer {
  private readonly server: Server;
  /** Per connection, the chain of frames still being stored and answered. */
  private readonly inFlight = new Map<Socket, Promise<void>>();
  private closing = false;

  constructor(
    private readonly handle: FrameHandler,
    private readonly logger: Logger,
    private readonly options: MllpServerOptions = {},
  ) {
    this.server = options.tls
      ? createTlsServer({ ...options.tls, requestCert: true, rejectUnauthorized: true }, (socket) =>
          this.accept(socket, socket.getPeerCertificate()?.fingerprint256),
        )
      : createServer((socket) => this.accept(socket));
  }

  listen(port: number, host?: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        const address = this.server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  }

  /**
   * Stops accepting connections and frames, lets frames already received finish and send their ACK, then
   * closes every connection (frames arriving meanwhile get no ACK, so their senders resend).
   */
  async close(): Promise<void> {
    this.closing = true;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    await Promise.all(this.inFlight.values());
    for (const socket of this.inFlight.keys()) socket.destroySoon();
    await closed;
  }

  private accept(socket: Socket | TLSSocket, certificateFingerprint?: string): void {
    const peer: MllpPeer = { address: socket.remoteAddress ?? '', certificateFingerprint };
    // Frames wait for the identification, so the first message is judged like the rest.
    const connection: Promise<MllpConnection> = (this.options.identify?.(peer) ?? Promise.resolve(undefined)).then(
      (source) => ({ source }),
      (error: unknown) => {
        this.logger.error({ err: error }, 'mllp peer identification failed; closing');
        socket.destroy();
        return { source: undefined };
      },
    );
    this.inFlight.set(
      socket,
      connection.then(() => undefined),
    );
    let pending: Buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      if (this.closing) return;
      const { frames, remainder, discardedBytes } = decodeMllpFrames(Buffer.concat([pending, chunk]));
      pending = remainder;
      if (discardedBytes > 0) this.logger.warn({ discardedBytes }, 'mllp bytes outside a complete frame discarded');
      for (const frame of frames) {
        const queue = this.inFlight.get(socket) ?? Promise.resolve();
        this.inFlight.set(
          socket,
          queue.then(async () => this.answer(socket, frame, await connection)),
        );
      }
    });
    socket.on('error', (error) => this.logger.warn({ err: error }, 'mllp connection error'));
    socket.on('close', () => this.inFlight.delete(socket));
  }

  private async answer(socket: Socket, frame: Buffer, connection: MllpConnection): Promise<void> {
    try {
      const ack = await this.handle(frame, connection);
      if (!socket.destroyed) socket.write(encodeMllpFrame(ack));
    } catch (error) {
      // Nothing was committed, so no ACK: the sender's timeout makes it resend, which is the safe outcome.
      this.logger.error({ err: error }, 'mllp frame could not be stored; no ACK sent');
      socket.destroy();
    }
  }
}
