import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as iconv from 'iconv-lite';
import { testDatabaseUrl } from '@revisit/testing';
import { runImportCommand } from '../src/cli/import.command';
import { runSourcesCommand } from '../src/cli/sources.command';
import { type IngestUnderTest, registerSource, releaseSource, startIngest } from './support/ingest-under-test';

jest.setTimeout(90_000);

// Synthetic rows (valid GB 11643 check digits, no real person); ticket numbers unique per run.
const RUN = `${process.pid}${Date.now()}`;
const HEADER = '会员号,姓名,手机,身份证,药品编码,药品名称,数量,单位,用法用量,销售时间,门店,店员,小票号';
const row = (ticket: string, overrides: { idCard?: string; quantity?: string } = {}): string =>
  `M-${RUN},王建国,13912345678,${overrides.idCard ?? '110105196503120021'},86900012,苯磺酸氨氯地平片,${overrides.quantity ?? '2'},盒,每日1次,2024-03-01 09:15,SH-001,S017,${ticket}`;

function capture(): { io: { stdout: (t: string) => void; stderr: (t: string) => void }; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t) => out.push(t), stderr: (t) => err.push(t) }, out, err };
}

describe('ERP dispensing import (POST /v1/imports/dispensing and revisit ingest import)', () => {
  let ingest: IngestUnderTest;
  let source: { id: string; apiKey: string };
  const dir = mkdtempSync(join(tmpdir(), 'erp-import-'));

  beforeAll(async () => {
    ingest = await startIngest();
    source = await registerSource(ingest, { id: 'erp-pharmacy', identifierSystems: [] });
  });

  afterAll(async () => {
    await ingest?.service.app.close();
  });

  const statuses = async (ticketPrefix: string): Promise<string[]> =>
    (
      (await ingest.db.query(
        `SELECT r.status, q.id IS NOT NULL AS quarantined FROM ingest.raw_message r
           LEFT JOIN ingest.quarantine q ON q.raw_message_id = r.id
          WHERE r.format = 'erp-csv' AND position($1 in convert_from(r.bytes, 'UTF8')) > 0 ORDER BY r.received_at, r.id`,
        [ticketPrefix],
      )) as { status: string; quarantined: boolean }[]
    ).map((r) => `${r.status}${r.quarantined ? '+quarantined' : ''}`);

  it('stores every row: accepted rows for the outbox, bad rows quarantined, a per-row report with line numbers', async () => {
    const csv = [
      HEADER,
      row(`T1-${RUN}`),
      row(`T2-${RUN}`, { idCard: '110105196503120022' }),
      row(`T3-${RUN}`, { quantity: 'x' }),
      row(`T4-${RUN}`),
    ].join('\n');
    const response = await fetch(`${ingest.url}/v1/imports/dispensing`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/csv; charset=gb18030', 'X-Api-Key': source.apiKey },
      body: iconv.encode(csv, 'gb18030'),
    });
    expect(response.status).toBe(200);
    const report = (await response.json()) as {
      rows: number;
      accepted: number;
      rejected: number;
      errors: { row: number; code: string; column?: string }[];
    };
    expect(report).toMatchObject({ rows: 4, accepted: 2, rejected: 2, duplicates: 0, fatal: false });
    expect(report.errors.map((e) => [e.row, e.code, e.column])).toEqual([
      [3, 'INVALID_ID_CARD', 'idCard'],
      [4, 'INVALID_QUANTITY', 'quantity'],
    ]);
    expect(JSON.stringify(report)).not.toContain('110105196503120022');
    for (const [ticket, status] of [
      [`T1-${RUN}`, 'accepted'],
      [`T2-${RUN}`, 'rejected+quarantined'],
      [`T3-${RUN}`, 'rejected+quarantined'],
      [`T4-${RUN}`, 'accepted'],
    ]) {
      expect(await statuses(ticket!)).toEqual([status]);
    }
    const [{ events }] = (await ingest.db.query(
      `SELECT normalised_events AS events FROM ingest.raw_message WHERE format = 'erp-csv' AND status = 'accepted'
          AND position($1 in convert_from(bytes, 'UTF8')) > 0`,
      [`T1-${RUN}`],
    )) as { events: { type: string }[] }[];
    expect(events.map((e) => e.type)).toEqual(['revisit.clinical.medication-dispensed.v1']);
  });

  it('refuses a file without the required columns with 422 and missing credentials with 401', async () => {
    const bad = await fetch(`${ingest.url}/v1/imports/dispensing`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/csv', 'X-Api-Key': source.apiKey },
      body: '会员号,姓名,手机\nM1,王,13912345678\n',
    });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe('MISSING_COLUMN');
    const anonymous = await fetch(`${ingest.url}/v1/imports/dispensing`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/csv' },
      body: `${HEADER}\n${row(`T9-${RUN}`)}\n`,
    });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await statuses(`T9-${RUN}`)).toEqual([]);
  });

  it('imports a file from the command line, names the failing lines and exits 1; a re-import emits nothing twice', async () => {
    const file = join(dir, 'sales.csv');
    writeFileSync(file, [HEADER, row(`C1-${RUN}`), row(`C2-${RUN}`, { quantity: '-' })].join('\r\n'));
    const first = capture();
    const env = { REVISIT_INGEST_URL: ingest.url, REVISIT_API_KEY: source.apiKey };
    expect(await runImportCommand([file], first.io, env)).toBe(1);
    expect(first.err.join('')).toContain(`${file}:3: INVALID_QUANTITY (quantity)`);
    expect(JSON.parse(first.out.join(''))).toMatchObject({ rows: 2, accepted: 1, rejected: 1 });

    const good = join(dir, 'good.csv');
    writeFileSync(good, [HEADER, row(`C1-${RUN}`)].join('\n'));
    const again = capture();
    expect(await runImportCommand([good], again.io, env)).toBe(0);
    expect(JSON.parse(again.out.join(''))).toMatchObject({ rows: 1, accepted: 0, duplicates: 1 });
    expect(await statuses(`C1-${RUN}`)).toEqual(['accepted', 'duplicate']);

    const wrongKey = capture();
    expect(
      await runImportCommand(
        [good, '--api-key', 'rvk_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
        wrongKey.io,
        env,
      ),
    ).toBe(69);
    expect(wrongKey.err.join('')).toContain('401');
    expect(await runImportCommand([], capture().io, env)).toBe(2);
  });

  it('manages sources from the command line: add prints a key once, list never shows it, rotate replaces it', async () => {
    const env = { DATABASE_URL: testDatabaseUrl() };
    const id = `cli-his-${RUN}`.toLowerCase();
    const added = capture();
    expect(
      await runSourcesCommand(
        ['add', '--id', id, '--name', '仁济 HIS', '--systems', 'RENJI,CHN', '--mllp-peer', '10.1.2.3'],
        added.io,
        env,
      ),
    ).toBe(0);
    const key = /rvk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}/.exec(added.err.join(''))?.[0];
    expect(key).toBeDefined();
    expect(await runSourcesCommand(['add', '--id', id, '--name', 'x', '--systems', 'A'], capture().io, env)).toBe(1);

    const listed = capture();
    expect(await runSourcesCommand(['list'], listed.io, env)).toBe(0);
    const mine = listed.out
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { id: string; identifierSystems: string[] })
      .find((s) => s.id === id);
    expect(mine?.identifierSystems).toEqual(['RENJI', 'CHN']);
    expect(listed.out.join('')).not.toContain(key!.split('_')[2]!);

    const rotated = capture();
    expect(await runSourcesCommand(['rotate-key', '--id', id], rotated.io, env)).toBe(0);
    const newKey = /rvk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}/.exec(rotated.err.join(''))?.[0];
    expect(newKey).not.toBe(key);
    const post = (apiKey: string) =>
      fetch(`${ingest.url}/v1/imports/dispensing`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/csv', 'X-Api-Key': apiKey },
        body: `${HEADER}\n`,
      });
    expect((await post(key!)).status).toBe(401);
    expect((await post(newKey!)).status).toBe(200);
    expect(await runSourcesCommand(['rotate-key', '--id', 'nope-nope'], capture().io, env)).toBe(1);
    expect(await runSourcesCommand(['add', '--id', 'x'], capture().io, env)).toBe(2);
    await releaseSource(ingest, id);
  });
});
