import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';

export interface HttpCall {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  readonly body: unknown;
}

export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly contentType?: string;
}

export const problem = (status: number, code: string, title: string): Reply => ({
  status,
  contentType: 'application/problem+json',
  body: { type: `urn:revisit:problem:${code}`, title, status, code },
});

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  return JSON.parse(text) as unknown;
}

/** A tiny HTTP server on an ephemeral port that records every call it answers. */
export async function startJsonServer(
  handle: (call: HttpCall) => Promise<Reply> | Reply,
): Promise<{ url: string; calls: HttpCall[]; close(): Promise<void> }> {
  const calls: HttpCall[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://contract');
      const call: HttpCall = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: await readBody(req),
      };
      calls.push(call);
      let reply: Reply;
      try {
        reply = await handle(call);
      } catch (error) {
        reply = problem(500, 'internal', error instanceof Error ? error.message : 'failed');
      }
      const contentType = reply.contentType ?? 'application/json';
      res.writeHead(reply.status, { 'content-type': contentType });
      if (reply.body === undefined) res.end();
      else res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
