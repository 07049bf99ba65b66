import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startJsonServer } from './support/json-http';
import { startConsole } from './support/console-under-test';

describe('console production server', () => {
  const staticDir = mkdtempSync(path.join(tmpdir(), 'revisit-console-'));
  mkdirSync(path.join(staticDir, 'assets'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>回访</title>');
  writeFileSync(path.join(staticDir, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(path.join(staticDir, '..', 'secret.txt'), 'outside the web root');

  let upstream: Awaited<ReturnType<typeof startJsonServer>>;
  let web: Awaited<ReturnType<typeof startConsole>>;

  beforeAll(async () => {
    upstream = await startJsonServer((call) =>
      call.path === '/v1/big.csv'
        ? { status: 200, contentType: 'text/csv', body: 'x\n'.repeat(500_000) }
        : { status: 201, body: { path: call.path, query: call.query.toString(), body: call.body } },
    );
    web = await startConsole({ outreach: upstream.url, analytics: 'http://127.0.0.1:9' }, staticDir);
  });

  afterAll(async () => {
    await web.close();
    await upstream.close();
    rmSync(staticDir, { recursive: true, force: true });
    rmSync(path.join(staticDir, '..', 'secret.txt'), { force: true });
  });

  it('serves index.html revalidated and hashed assets cached, with security headers', async () => {
    const index = await fetch(`${web.url}/`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('回访');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');

    const asset = await fetch(`${web.url}/assets/index-abc123.js`);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('never serves files outside its web root', async () => {
    for (const attempt of [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
    ]) {
      const response = await fetch(`${web.url}${attempt}`);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('outside the web root');
    }
  });

  it('proxies /api/outreach with the prefix removed, forwarding method, query, body and bearer token', async () => {
    const response = await fetch(`${web.url}/api/outreach/v1/tasks/t-1/attempts?x=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer abc' },
      body: JSON.stringify({ disposition: 'answered' }),
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({
      path: '/v1/tasks/t-1/attempts',
      query: 'x=1',
      body: { disposition: 'answered' },
    });
    expect(upstream.calls.at(-1)?.headers['authorization']).toBe('Bearer abc');
  });

  it('streams large answers through whole', async () => {
    const body = await (await fetch(`${web.url}/api/outreach/v1/big.csv`)).text();
    expect(body.length).toBe(1_000_000);
  });

  it('answers problem+json 502 when a back end is down, and 404 for an unknown mount', async () => {
    const down = await fetch(`${web.url}/api/analytics/v1/metrics`);
    expect(down.status).toBe(502);
    expect(down.headers.get('content-type')).toBe('application/problem+json');
    expect(await down.json()).toMatchObject({ status: 502, code: 'console.upstream-unavailable' });

    const unknown = await fetch(`${web.url}/api/billing/v1/x`);
    expect(unknown.status).toBe(404);
  });

  it('reports live and ready', async () => {
    expect((await fetch(`${web.url}/health/live`)).status).toBe(200);
    expect(await (await fetch(`${web.url}/health/ready`)).json()).toMatchObject({ status: 'ready' });
  });
});
