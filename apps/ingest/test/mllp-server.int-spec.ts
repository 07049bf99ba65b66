import { connect, type Socket } from 'node:net';
import { createLogger } from '@revisit/observability';
import { decodeMllpFrames, encodeMllpFrame } from '../src/hl7v2/framing/mllp';
import { MllpServer } from '../src/mllp/mllp-server';

const logger = createLogger({ service: 'ingest-test', level: 'silent' });

function open(port: number): Promise<{ socket: Socket; acks: string[]; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const acks: string[] = [];
    let pending: Buffer = Buffer.alloc(0);
    const socket = connect(port, '127.0.0.1', () => resolve({ socket, acks, closed }));
    const closed = new Promise<void>((done) => socket.on('close', () => done()));
    socket.on('data', (chunk: Buffer) => {
      const { frames, remainder } = decodeMllpFrames(Buffer.concat([pending, chunk]));
      pending = remainder;
      acks.push(...frames.map((f) => f.toString('utf8')));
    });
    socket.once('error', reject);
  });
}

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('MllpServer', () => {
  let server: MllpServer | undefined;
  afterEach(async () => {
    await server?.close();
  });

  it('answers frames in arrival order even when an earlier one takes longer, across split chunks', async () => {
    server = new MllpServer(async (payload) => {
      const text = payload.toString('utf8');
      if (text === 'first') await new Promise((resolve) => setTimeout(resolve, 100));
      return Buffer.from(`ack:${text}`, 'utf8');
    }, logger);
    const port = await server.listen(0, '127.0.0.1');
    const client = await open(port);
    const bytes = Buffer.concat([encodeMllpFrame(Buffer.from('first')), encodeMllpFrame(Buffer.from('second'))]);
    // Split inside the second frame: its end arrives in a later chunk.
    client.socket.write(bytes.subarray(0, 12));
    await new Promise((resolve) => setTimeout(resolve, 20));
    client.socket.write(bytes.subarray(12));
    await until(() => client.acks.length === 2);
    expect(client.acks).toEqual(['ack:first', 'ack:second']);
    client.socket.end();
  });

  it('drops a truncated frame and still answers the complete one after it', async () => {
    const seen: string[] = [];
    server = new MllpServer((payload) => {
      seen.push(payload.toString('utf8'));
      return Promise.resolve(Buffer.from('ok'));
    }, logger);
    const port = await server.listen(0, '127.0.0.1');
    const client = await open(port);
    client.socket.write(Buffer.concat([Buffer.from('\x0bcut-off'), encodeMllpFrame(Buffer.from('whole'))]));
    await until(() => client.acks.length === 1);
    expect(seen).toEqual(['whole']);
    client.socket.end();
  });

  it('sends no ACK and closes the connection when the frame could not be stored', async () => {
    server = new MllpServer(() => Promise.reject(new Error('database down')), logger);
    const port = await server.listen(0, '127.0.0.1');
    const client = await open(port);
    client.socket.write(encodeMllpFrame(Buffer.from('lost')));
    await client.closed;
    expect(client.acks).toEqual([]);
  });
});

describe('MllpServer shutdown', () => {
  it('finishes a frame in flight, sends its ACK, then closes connections that stay open', async () => {
    let release: (() => void) | undefined;
    const server = new MllpServer(async () => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return Buffer.from('stored');
    }, logger);
    const port = await server.listen(0, '127.0.0.1');
    const client = await open(port);
    client.socket.write(encodeMllpFrame(Buffer.from('in flight')));
    await until(() => release !== undefined);
    const closing = server.close();
    release!();
    await closing;
    await client.closed;
    expect(client.acks).toEqual(['stored']);
  });
});
