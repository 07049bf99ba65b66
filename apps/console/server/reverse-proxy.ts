import { request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { ConsoleServerErrorCode, sendProblem } from './console-server.errors';

// Hop-by-hop headers (RFC 9110 section 7.6.1) belong to one connection and must not be forwarded.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
]);

function forwardable(headers: IncomingMessage['headers']): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!HOP_BY_HOP.has(name) && value !== undefined) out[name] = value;
  }
  return out;
}

export interface ProxyTarget {
  readonly base: URL;
  readonly timeoutMs: number;
}

/**
 * Streams one request to a back end with the mount prefix removed (`/api/outreach/v1/x` -> `/v1/x`), so the
 * browser sees one origin and the services need no CORS. Bodies are piped, never buffered, so a CSV export
 * of any size passes through in constant memory.
 */
export function proxyRequest(
  target: ProxyTarget,
  upstreamPath: string,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const url = new URL(upstreamPath, target.base);
  const basePath = target.base.pathname.replace(/\/$/, '');
  const headers = forwardable(req.headers);
  const client = req.socket.remoteAddress ?? '';
  headers['x-forwarded-for'] = req.headers['x-forwarded-for']
    ? `${String(req.headers['x-forwarded-for'])}, ${client}`
    : client;
  headers['x-forwarded-proto'] = 'http';
  if (req.headers.host) headers['x-forwarded-host'] = req.headers.host;

  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const upstream = send(
    {
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port,
      path: `${basePath}${url.pathname}${url.search}`,
      method: req.method,
      headers,
      timeout: target.timeoutMs,
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, forwardable(answer.headers));
      answer.pipe(res);
    },
  );
  upstream.on('timeout', () => upstream.destroy(new TimeoutError()));
  upstream.on('error', (error) =>
    sendProblem(
      res,
      error instanceof TimeoutError
        ? ConsoleServerErrorCode.UpstreamTimeout
        : ConsoleServerErrorCode.UpstreamUnavailable,
    ),
  );
  // A browser that gives up (navigates away) must not leave the upstream request running.
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}

class TimeoutError extends Error {
  constructor() {
    super('upstream timeout');
  }
}
