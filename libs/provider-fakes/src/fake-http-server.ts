import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  readonly method: string;
  readonly url: URL;
  /** Lower-case names; repeated headers joined as Node does. */
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

export interface FakeResponse {
  readonly status: number;
  readonly json: unknown;
  /** Sent instead of `json` when set: lets a fake answer with what `JSON.stringify` cannot write (64-bit ids). */
  readonly rawJson?: string;
}

export interface RunningServer {
  readonly baseUrl: string;
  close(): Promise<void>;
}

/**
 * Starts a JSON HTTP server on 127.0.0.1, handing each request over fully read. Port 0 (tests) takes a free
 * port; the demo passes fixed ones so the services' configuration can name them before the fakes start.
 */
export async function startJsonServer(
  handle: (request: FakeRequest) => FakeResponse,
  port = 0,
): Promise<RunningServer> {
  const server = createServer((req, res) => {
    void respond(req, res, handle);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const bound = (server.address() as AddressInfo).port;
  return { baseUrl: `http://127.0.0.1:${bound}`, close: () => closeServer(server) };
}

async function respond(
  req: IncomingMessage,
  res: ServerResponse,
  handle: (request: FakeRequest) => FakeResponse,
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const request: FakeRequest = {
    method: req.method ?? 'GET',
    url: new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`),
    headers: req.headers,
    body: Buffer.concat(chunks).toString('utf8'),
  };
  let answer: FakeResponse;
  try {
    answer = handle(request);
  } catch {
    answer = { status: 500, json: { Code: 'InternalError', Message: 'fake failed' } };
  }
  res.writeHead(answer.status, { 'content-type': 'application/json;charset=utf-8' });
  res.end(answer.rawJson ?? JSON.stringify(answer.json));
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}

export function header(request: FakeRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(',') : value;
}

/** POSTs a receipt batch the way the providers do, returning the receiver's answer. */
export async function pushJson(url: string, body: unknown): Promise<FakeResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text === '' ? undefined : (JSON.parse(text) as unknown) };
}
