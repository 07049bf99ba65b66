import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import path from 'node:path';
import { type Logger } from '@revisit/observability';
import { ConsoleServerErrorCode, sendProblem } from './console-server.errors';
import { proxyRequest, type ProxyTarget } from './reverse-proxy';
import { serveStatic } from './static-files';

export interface ConsoleServerOptions {
  readonly staticDir: string;
  /** Mount name -> back end: `/api/<name>/...` is proxied to it. */
  readonly upstreams: Readonly<Record<string, string>>;
  readonly upstreamTimeoutMs: number;
  readonly logger: Logger;
}

// ECharts and React set inline styles; scripts and connections stay same-origin.
const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
    "media-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

export function createConsoleServer(options: ConsoleServerOptions): Server {
  const root = path.resolve(options.staticDir);
  const targets = new Map<string, ProxyTarget>(
    Object.entries(options.upstreams).map(([name, base]) => [
      name,
      { base: new URL(base), timeoutMs: options.upstreamTimeoutMs },
    ]),
  );

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = req.url ?? '/';
    const pathname = url.split('?')[0] ?? '/';
    const mount = /^\/api\/([a-z-]+)(\/.*)?$/.exec(pathname);
    if (mount) {
      const target = targets.get(mount[1] ?? '');
      if (!target) {
        sendProblem(res, ConsoleServerErrorCode.NotFound);
        return;
      }
      proxyRequest(target, url.slice(`/api/${mount[1]}`.length) || '/', req, res);
      return;
    }
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (pathname === '/health/live') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"up"}');
      return;
    }
    if (pathname === '/health/ready') {
      // Ready once the built console is there; the back ends report their own readiness.
      const built = existsSync(path.join(root, 'index.html'));
      res.writeHead(built ? 200 : 503, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          status: built ? 'ready' : 'not-ready',
          checks: [{ name: 'static', status: built ? 'up' : 'down' }],
        }),
      );
      return;
    }
    await serveStatic(root, req, res);
  };

  return createServer((req, res) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      // The path only: query strings may carry filter values, and none of it is needed to operate the server.
      options.logger.debug(
        {
          method: req.method,
          path: (req.url ?? '').split('?')[0],
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        },
        'request',
      );
    });
    handle(req, res).catch((error: unknown) => {
      options.logger.error({ err: error }, 'console request failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/problem+json' });
      res.end();
    });
  });
}

export interface RunningConsoleServer {
  readonly server: Server;
  readonly url: string;
  close(): Promise<void>;
}

export async function startConsoleServer(
  options: ConsoleServerOptions,
  port: number,
  host = '0.0.0.0',
): Promise<RunningConsoleServer> {
  const server = createConsoleServer(options);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
}
