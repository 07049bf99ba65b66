import { connect, type Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import { eventually } from '@revisit/testing';
import { decodeMllpFrames, encodeMllpFrame } from '../../src/hl7v2/framing/mllp';

/** A sender's side of MLLP for tests: writes frames, collects answered frames as raw bytes. */
export class MllpTestClient {
  private buffer: Buffer = Buffer.alloc(0);
  readonly frames: Buffer[] = [];
  closed = false;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      const { frames, remainder } = decodeMllpFrames(Buffer.concat([this.buffer, chunk]));
      this.buffer = remainder;
      this.frames.push(...frames);
    });
    socket.on('close', () => (this.closed = true));
    socket.on('error', () => (this.closed = true));
  }

  static open(port: number, tls?: ConnectionOptions): Promise<MllpTestClient> {
    return new Promise((resolve, reject) => {
      const socket: Socket = tls
        ? tlsConnect({ port, host: '127.0.0.1', ...tls }, () => resolve(new MllpTestClient(socket)))
        : connect(port, '127.0.0.1', () => resolve(new MllpTestClient(socket)));
      socket.once('error', reject);
    });
  }

  send(message: Buffer | string): void {
    this.socket.write(encodeMllpFrame(typeof message === 'string' ? Buffer.from(message, 'utf8') : message));
  }

  writeRaw(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  async waitForFrames(count: number): Promise<Buffer[]> {
    await eventually(() => expect(this.frames.length).toBeGreaterThanOrEqual(count), { timeoutMs: 30_000 });
    return this.frames.slice(0, count);
  }

  close(): void {
    this.socket.end();
  }
}

export function segmentFields(ack: string, name: string): string[] {
  const line = ack.split('\r').find((s) => s.startsWith(`${name}|`));
  return line ? line.split('|') : [];
}

export function segmentsNamed(ack: string, name: string): string[][] {
  return ack
    .split('\r')
    .filter((s) => s.startsWith(`${name}|`))
    .map((s) => s.split('|'));
}
