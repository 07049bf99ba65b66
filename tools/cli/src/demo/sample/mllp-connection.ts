import { connect, type Socket } from 'node:net';
import { takeFrame } from './send-plan';

/** An MLLP client in original mode: one frame out, wait for its ACK frame, then the next. */
export class MllpConnection {
  private buffer = Buffer.alloc(0);
  private waiting: { resolve(ack: Buffer): void; reject(error: Error): void } | undefined;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      const frame = takeFrame(this.buffer);
      if (!frame || !this.waiting) return;
      this.buffer = Buffer.from(frame.rest);
      const waiting = this.waiting;
      this.waiting = undefined;
      waiting.resolve(Buffer.from(frame.payload));
    });
    const fail = (error: Error): void => {
      const waiting = this.waiting;
      this.waiting = undefined;
      waiting?.reject(error);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('ingest closed the MLLP connection before answering')));
  }

  static open(host: string, port: number): Promise<MllpConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port }, () => {
        socket.off('error', reject);
        resolve(new MllpConnection(socket));
      });
      socket.once('error', reject);
    });
  }

  /** Sends one framed message and resolves with the payload of the ACK frame. */
  send(frame: Buffer, timeoutMs = 30_000): Promise<Buffer> {
    if (this.waiting) return Promise.reject(new Error('one message at a time: the previous ACK is outstanding'));
    return new Promise<Buffer>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = undefined;
        reject(new Error(`no ACK within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting = {
        resolve: (ack) => {
          clearTimeout(timer);
          resolve(ack);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.socket.write(frame);
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.socket.destroyed) return resolve();
      this.socket.end(() => resolve());
      this.socket.once('close', () => resolve());
    });
  }
}
