import { connect, type Socket } from 'node:net';
import { eventually } from '@revisit/testing';
import { decodeMllpFrames, encodeMllpFrame } from '../../src/hl7v2/framing/mllp';

/** A sender on a real TCP connection: frames out, ACKs (or query answers) back in order. */
export class MllpTestClient {
  private buffer: Buffer = Buffer.alloc(0);
  private readonly answers: string[] = [];

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      const { frames, remainder } = decodeMllpFrames(Buffer.concat([this.buffer, chunk]));
      this.buffer = remainder;
      for (const frame of frames) this.answers.push(frame.toString('utf8'));
    });
  }

  static open(port: number): Promise<MllpTestClient> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => resolve(new MllpTestClient(socket)));
      socket.once('error', reject);
    });
  }

  /** Sends one message and returns its answer. */
  async send(message: string): Promise<string> {
    const expected = this.answers.length + 1;
    this.socket.write(encodeMllpFrame(Buffer.from(message, 'utf8')));
    await eventually(
      () => {
        if (this.answers.length < expected) throw new Error(`waiting for answer ${expected}`);
      },
      { timeoutMs: 20_000, intervalMs: 20 },
    );
    return this.answers[expected - 1]!;
  }

  close(): void {
    this.socket.end();
  }
}

export function segment(message: string, name: string): string[] {
  const line = message.split('\r').find((s) => s.startsWith(`${name}|`));
  return line ? line.split('|') : [];
}
