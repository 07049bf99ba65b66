import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateSample, type GroundTruthMessage } from '../src';

// The generator is only useful if ingest takes what it writes: run ingest's own parse path (the one
// `revisit ingest parse` uses, compiled by `node tools/build.mjs`) over a generated sample and hold every
// message, bundle entry and CSV row to the events the ground truth promises.
const root = path.resolve(__dirname, '../../..');
const ingestCli = path.join(root, 'dist/apps/ingest/src/cli/main.js');

interface ParseLine {
  readonly type?: string;
  readonly file?: string;
  readonly index?: number;
  readonly rejected?: { readonly code: string; readonly file: string; readonly index: number };
  readonly patient?: { readonly identifiers: readonly { readonly system?: string; readonly type: string }[] };
}

describe('a generated sample through `revisit ingest parse`', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'revisit-sample-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is accepted whole, and yields exactly the events the ground truth lists for each message', () => {
    if (!existsSync(ingestCli)) throw new Error(`${ingestCli} is missing: run node tools/build.mjs first`);
    const sample = generateSample({ seed: 20_261_123, patients: 120, months: 2, until: '2026-11-23' });
    for (const file of sample.files) {
      mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
      writeFileSync(path.join(dir, file.path), file.bytes);
    }
    const truth = sample.files
      .find((f) => f.path === 'truth/messages.ndjson')!
      .bytes.toString('utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as GroundTruthMessage);
    const feeds = [...new Set(truth.map((m) => m.file))].sort();
    expect(new Set(truth.map((m) => m.feed))).toEqual(new Set(['hl7v2', 'fhir-r4', 'erp-csv']));

    const run = spawnSync(process.execPath, [ingestCli, 'ingest', 'parse', ...feeds], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as ParseLine);
    expect(lines.filter((l) => l.rejected)).toEqual([]);
    expect(run.status).toBe(0);

    const parsed = new Map<string, string[]>();
    for (const l of lines) parsed.set(`${l.file}#${l.index}`, [...(parsed.get(`${l.file}#${l.index}`) ?? []), l.type!]);
    const expected = new Map<string, string[]>();
    for (const m of truth) {
      if (m.index === undefined) m.events.forEach((type, entry) => expected.set(`${m.file}#${entry}`, [type]));
      else expected.set(`${m.file}#${m.index}`, [...m.events]);
    }
    expect(parsed).toEqual(expected);

    // Ingest refuses (ACK AR / 403) identifier systems a source is not bound to: every system the sample
    // writes must be one sources.json binds, or the source's own (`<source id>/...`). The parse CLI does
    // not know the ERP source and names member ids `pharmacy-erp/member`.
    const sources = JSON.parse(sample.files.find((f) => f.path === 'sources.json')!.bytes.toString('utf8')) as {
      sources: { id: string; identifierSystems: string[] }[];
    };
    const sourceOfFile = new Map(truth.map((m) => [m.file, sources.sources.find((s) => s.id === m.source)!]));
    const refused = new Set<string>();
    for (const l of lines) {
      const source = sourceOfFile.get(l.file!)!;
      for (const { system } of l.patient?.identifiers ?? []) {
        if (!system || source.identifierSystems.includes(system) || system.startsWith(`${source.id}/`)) continue;
        if (l.file!.startsWith('erp-csv/') && system === 'pharmacy-erp/member') continue;
        refused.add(`${source.id}: ${system}`);
      }
    }
    expect([...refused]).toEqual([]);
  });
});
