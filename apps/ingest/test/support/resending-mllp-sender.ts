import { connect, type Socket } from 'node:net';
import { decodeMllpFrames, encodeMllpFrame } from '../../src/hl7v2/framing/mllp';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Behaves like an interface engine's outbound MLLP channel: one message at a time, waits for its ACK, and
 * when the connection drops or the ACK does not come, reconnects and sends the same message again (same
 * control id) until it is acknowledged.
 */
export class ResendingMllpSender {
  private socket: Socket | undefined;
  private pending: Buffer = Buffer.alloc(0);
  private waiting: ((answer: string | null) => void) | undefined;
  /** Control ids sent more than once because an earlier attempt got no ACK. */
  readonly resent: string[] = [];

  constructor(
    private readonly port: number,
    private readonly options: { ackTimeoutMs: number; reconnectForMs: number },
  ) {}

  /** Sends until an ACK comes back and returns it. */
  async deliver(controlId: string, message: string): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0) this.resent.push(controlId);
      const answer = await this.attempt(message);
      if (answer !== null) return answer;
      this.drop();
    }
  }

  close(): void {
    this.socket?.end();
    this.socket = undefined;
  }

  private async attempt(message: string): Promise<string | null> {
    const socket = this.socket ?? (await this.reconnect());
    return new Promise<string | null>((resolve) => {
      const timer = setTimeout(() => finish(null), this.options.ackTimeoutMs);
      const finish = (answer: string | null): void => {
        clearTimeout(timer);
        this.waiting = undefined;
        resolve(answer);
      };
      this.waiting = finish;
      socket.write(encodeMllpFrame(Buffer.from(message, 'utf8')));
    });
  }

  private drop(): void {
    this.socket?.destroy();
    this.socket = undefined;
    this.pending = Buffer.alloc(0);
  }

  private async reconnect(): Promise<Socket> {
    const deadline = Date.now() + this.options.reconnectForMs;
    for (;;) {
      try {
        const socket = await new Promise<Socket>((resolve, reject) => {
          const s = connect(this.port, '127.0.0.1', () => resolve(s));
          s.once('error', reject);
        });
        socket.setNoDelay(true);
        socket.on('error', () => undefined);
        socket.on('data', (chunk: Buffer) => {
          const { frames, remainder } = decodeMllpFrames(Buffer.concat([this.pending, chunk]));
          this.pending = remainder;
          for (const frame of frames) this.waiting?.(frame.toString('utf8'));
        });
        // A dropped connection means the ACK in flight is lost: resend at once rather than wait for the timeout.
        socket.on('close', () => {
          if (this.socket === socket) this.waiting?.(null);
        });
        this.socket = socket;
        return socket;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await sleep(100);
      }
    }
  }
}
