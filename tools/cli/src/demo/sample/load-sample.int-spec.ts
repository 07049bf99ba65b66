import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findRepoRoot, isPortFree } from '@revisit/local-infra';
import { SOURCES } from '@revisit/sample-data';
import {
  createScratchDatabase,
  dropScratchDatabase,
  kafkaBrokers,
  testDatabaseUrl,
  testRedisUrl,
} from '@revisit/testing';
import { Client } from 'pg';
import { run as generate } from '../../generate/generate-command';
import { startServiceProcess, type ServiceProcess } from '../service-process';
import { waitUntilReady } from '../wait-ready';
import { hl7Resends } from './database-figures';
import { registerSources } from './register-sources';
import { sendSample } from './send-sample';
import { parseSendOrder } from './send-plan';

jest.setTimeout(240_000);

async function freePort(from: number): Promise<number> {
  let port = from + Math.floor(Math.random() * 500);
  while (!(await isPortFree(port))) port += 1;
  return port;
}

/**
 * The demo loader against the built ingest service (dist/) on its own database: sources registered through
 * `revisit ingest sources`, then a small sample sent over MLLP, FHIR and CSV. Needs `node tools/build.mjs`.
 */
describe('demo sample loader', () => {
  const root = findRepoRoot();
  const dbName = `demo_loader_${process.pid}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'revisit-demo-loader-'));
  let url: string;
  let ingest: ServiceProcess;
  let http: number;
  let mllp: number;

  beforeAll(async () => {
    url = await createScratchDatabase(testDatabaseUrl(), dbName);
    http = await freePort(41_000);
    mllp = await freePort(42_000);
    ingest = startServiceProcess(
      root,
      { name: 'ingest', port: http, script: 'dist/apps/ingest/src/main.js' },
      {
        PATH: process.env['PATH'],
        PORT: String(http),
        MLLP_PORT: String(mllp),
        DATABASE_URL: url,
        KAFKA_BROKERS: kafkaBrokers().join(','),
        REDIS_URL: testRedisUrl(),
        ORG_ID: 'org-demo-hospital',
      },
      dir,
    );
    const ready = await waitUntilReady(ingest, `http://127.0.0.1:${http}`, 120_000);
    if (!ready.ready) throw new Error(`ingest did not start: ${ready.reason}\n${ingest.tail(20)}`);
  });

  afterAll(async () => {
    await ingest?.stop(30_000);
    await dropScratchDatabase(testDatabaseUrl(), dbName);
    rmSync(dir, { recursive: true, force: true });
  });

  it('registers the sources once; a second demo run keeps them and gets working keys', async () => {
    const first = await registerSources(root, url, SOURCES);
    expect(first.map((s) => [s.id, s.outcome, s.apiKey !== undefined])).toEqual(
      SOURCES.map((s) => [s.id, 'added', s.feed !== 'hl7v2']),
    );
    const second = await registerSources(root, url, SOURCES);
    expect(second.map((s) => [s.id, s.outcome])).toEqual(
      SOURCES.map((s) => [s.id, s.feed === 'hl7v2' ? 'kept' : 'key rotated']),
    );
    for (const [index, source] of second.entries()) {
      if (source.apiKey) expect(source.apiKey).not.toBe(first[index]!.apiKey);
    }

    const db = new Client({ connectionString: url });
    await db.connect();
    try {
      const { rows } = await db.query(
        'SELECT id, org_id, identifier_systems, mllp_peer_addresses, api_key_id IS NOT NULL AS keyed FROM ingest.feed_source ORDER BY id',
      );
      expect(rows).toEqual(
        [...SOURCES]
          .sort((a, b) => a.id.localeCompare(b.id))
          .map((s) => ({
            id: s.id,
            org_id: s.orgId,
            identifier_systems: [...s.identifierSystems],
            mllp_peer_addresses: s.feed === 'hl7v2' ? ['127.0.0.1'] : [],
            keyed: s.feed !== 'hl7v2',
          })),
      );
    } finally {
      await db.end();
    }
  });

  it("sends a sample through MLLP, FHIR and CSV with nothing rejected, each message stored, and tells true resends from another sample's messages", async () => {
    const sample = path.join(dir, 'sample');
    const out = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(
      await generate(['--out', sample, '--seed', '5', '--patients', '30', '--months', '1', '--until', '2026-11-23']),
    ).toBe(0);
    out.mockRestore();
    // Registered by the test above; this run's keys (the earlier ones were rotated away).
    const keys = new Map(
      (await registerSources(root, url, SOURCES)).flatMap((s) => (s.apiKey ? [[s.id, s.apiKey] as const] : [])),
    );
    const messages = parseSendOrder(readFileSync(path.join(sample, 'truth', 'messages.ndjson'), 'utf8'));
    const byFeed = (feed: string) => messages.filter((m) => m.feed === feed).length;
    expect(byFeed('hl7v2') * byFeed('fhir-r4') * byFeed('erp-csv')).toBeGreaterThan(0);

    const endpoints = { url: `http://127.0.0.1:${http}`, mllpHost: '127.0.0.1', mllpPort: mllp };
    const tally = await sendSample(sample, messages, keys, endpoints);
    expect(tally.lines().join('\n')).not.toContain('rejected (');
    expect({ sent: tally.sent, rejected: tally.rejected }).toEqual({ sent: messages.length, rejected: 0 });

    const db = new Client({ connectionString: url });
    await db.connect();
    try {
      const { rows } = await db.query(
        `SELECT channel, count(*)::int AS n FROM ingest.raw_message WHERE status = 'accepted' GROUP BY 1 ORDER BY 1`,
      );
      const stored = Object.fromEntries(rows.map((r: { channel: string; n: number }) => [r.channel, r.n]));
      // Every HL7 message kept as received over MLLP; at least every FHIR bundle (and the CSV) over HTTP.
      expect(stored['mllp']).toBe(byFeed('hl7v2'));
      expect(stored['http']).toBeGreaterThanOrEqual(byFeed('fhir-r4'));

      // A second demo run resends the same sample: recognised, nothing doubled.
      const again = new Date();
      expect((await sendSample(sample, messages, keys, endpoints)).rejected).toBe(0);
      expect(await hl7Resends(db, again)).toEqual({ identical: byFeed('hl7v2'), different: 0 });

      // Another sample has control ids of its own: ingest takes none of its messages for a resend.
      const other = path.join(dir, 'other');
      jest.spyOn(console, 'log').mockImplementation(() => undefined);
      expect(
        await generate(['--out', other, '--seed', '6', '--patients', '30', '--months', '1', '--until', '2026-11-23']),
      ).toBe(0);
      const otherHl7 = parseSendOrder(readFileSync(path.join(other, 'truth', 'messages.ndjson'), 'utf8')).filter(
        (m) => m.feed === 'hl7v2',
      );
      const later = new Date();
      await sendSample(other, otherHl7, keys, endpoints);
      const shadowed = await hl7Resends(db, later);
      expect(otherHl7.length).toBeGreaterThan(0);
      expect(shadowed).toEqual({ identical: 0, different: 0 });
    } finally {
      jest.restoreAllMocks();
      await db.end();
    }
  });
});
