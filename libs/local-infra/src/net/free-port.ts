import { createServer } from 'node:net';

/** True when nothing listens on 127.0.0.1:`port` (we can bind it). */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * A free port whose successor is free too: the local broker listens on `port` and its KRaft controller on
 * `port + 1`. Picks from the ephemeral range the OS hands out, then checks the neighbour.
 */
export async function findFreePortPair(attempts = 50): Promise<number> {
  for (let i = 0; i < attempts; i++) {
    const port = await ephemeralPort();
    if (port < 65535 && (await isPortFree(port + 1))) return port;
  }
  throw new Error(`no pair of consecutive free ports found after ${attempts} attempts`);
}

function ephemeralPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
