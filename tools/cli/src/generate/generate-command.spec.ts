import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CliExitCode } from '../cli-exit-code';
import { parseGenerateArgs } from './generate-args';
import { run } from './generate-command';

describe('revisit generate arguments', () => {
  it('defaults to seed 42, 5,000 patients, 3 months up to today in Asia/Shanghai', () => {
    // 2026-03-31 20:30 UTC is already 1 April in Shanghai.
    const now = Date.UTC(2026, 2, 31, 20, 30);
    expect(parseGenerateArgs(['--out', 'x'], now)).toEqual({
      out: 'x',
      seed: 42,
      patients: 5000,
      months: 3,
      until: '2026-04-01',
    });
  });

  it('names what is wrong', () => {
    expect(parseGenerateArgs([])).toEqual({ error: '--out DIR is required' });
    expect(parseGenerateArgs(['--out', 'x', '--patients', 'many'])).toEqual({
      error: '--patients must be a whole number',
    });
    expect(parseGenerateArgs(['--out', 'x', '--seed=-3'])).toEqual({ error: '--seed must be a whole number' });
    expect(parseGenerateArgs(['--out', 'x', '--seed', '-3'])).toEqual({ error: expect.stringContaining('--seed') });
    expect('error' in parseGenerateArgs(['--out', 'x', '--colour', 'red'])).toBe(true);
  });
});

describe('revisit generate', () => {
  let dir: string;
  let err: jest.SpiedFunction<typeof console.error>;
  let out: jest.SpiedFunction<typeof console.log>;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'revisit-generate-'));
    err = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    out = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });
  const args = (target: string): string[] => [
    '--out',
    target,
    '--seed',
    '3',
    '--patients',
    '40',
    '--until',
    '2026-11-23',
  ];

  it('writes the sample and its ground truth, and prints what it wrote', async () => {
    const target = path.join(dir, 'sample');
    expect(await run(args(target))).toBe(CliExitCode.Ok);
    expect(readdirSync(target)).toEqual(
      expect.arrayContaining(['hl7', 'fhir', 'truth', 'sources.json', 'summary.json']),
    );
    const summary = JSON.parse(readFileSync(path.join(target, 'summary.json'), 'utf8')) as { patients: number };
    expect(summary.patients).toBe(40);
    expect(String(out.mock.calls[0]![0])).toMatch(/40 patients .* 2026-11-23/);
  });

  it('replaces an earlier sample without leaving stale files behind', async () => {
    const target = path.join(dir, 'sample');
    await run(args(target));
    writeFileSync(path.join(target, 'hl7', 'stale.hl7'), 'MSH|');
    expect(await run(args(target))).toBe(CliExitCode.Ok);
    expect(existsSync(path.join(target, 'hl7', 'stale.hl7'))).toBe(false);
  });

  it('refuses a directory holding other files, and bad options, with exit code 2', async () => {
    mkdirSync(path.join(dir, 'docs'));
    expect(await run(['--out', dir])).toBe(CliExitCode.Usage);
    expect(existsSync(path.join(dir, 'docs'))).toBe(true);
    expect(existsSync(path.join(dir, 'summary.json'))).toBe(false);
    expect(await run([...args(path.join(dir, 'x')), '--until', '2026-13-01'])).toBe(CliExitCode.Usage);
    expect(await run(['--patients', '10'])).toBe(CliExitCode.Usage);
    const messages = err.mock.calls.map((c) => String(c[0])).join('\n');
    expect(messages).toContain('holds no earlier sample');
    expect(messages).toContain('--until must be a calendar date YYYY-MM-DD');
    expect(messages).toContain('--out DIR is required');
  });
});
