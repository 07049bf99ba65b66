import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findRepoRoot, isPortFree } from '@revisit/local-infra';
import { startServiceProcess } from './service-process';
import { waitUntilReady } from './wait-ready';

// A stand-in service process: not ready for its first two probes, then ready; stops cleanly on SIGTERM.
const FAKE_SERVICE = `
const http = require('node:http');
let probes = 0;
const server = http.createServer((req, res) => {
  if (req.url !== '/health/ready') { res.writeHead(404).end(); return; }
  probes++;
  console.log(JSON.stringify({ probe: probes }));
  res.writeHead(probes > 2 ? 200 : 503, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ status: probes > 2 ? 'ready' : 'not-ready', checks: [{ name: 'kafka', status: probes > 2 ? 'up' : 'down', reason: 'starting' }] }));
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('{"msg":"listening"}'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

describe('demo service processes', () => {
  const root = findRepoRoot();
  const dir = mkdtempSync(path.join(tmpdir(), 'revisit-demo-'));
  const script = (name: string, body: string): string => {
    const file = path.join(dir, name);
    writeFileSync(file, body);
    return path.relative(root, file);
  };

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('waits through 503s until ready, logs to a file, and stops the process cleanly', async () => {
    let port = 39_000 + Math.floor(Math.random() * 1000);
    while (!(await isPortFree(port))) port++;
    const service = { name: 'ingest', port, script: script('ready-later.js', FAKE_SERVICE) } as const;
    const handle = startServiceProcess(root, service, { PATH: process.env['PATH'] }, dir);

    const outcome = await waitUntilReady(handle, `http://127.0.0.1:${port}`, 20_000, 100);
    expect(outcome).toMatchObject({ ready: true });
    // Ready only at the third probe: the two 503s were waited through, not taken for readiness.
    expect(handle.tail(10).split('\n')).toEqual(['{"msg":"listening"}', '{"probe":1}', '{"probe":2}', '{"probe":3}']);
    expect(await handle.stop(5_000)).toBe(0);
    expect(handle.isRunning()).toBe(false);
  }, 30_000);

  it('reports a service that exits while starting, with its status, without waiting for the timeout', async () => {
    const service = { name: 'scheduler', port: 1, script: script('bad-config.js', 'process.exit(78);') } as const;
    const handle = startServiceProcess(root, service, { PATH: process.env['PATH'] }, dir);
    const started = Date.now();
    expect(await waitUntilReady(handle, 'http://127.0.0.1:1', 20_000, 100)).toEqual({
      ready: false,
      reason: 'exited with status 78',
    });
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 30_000);
});
