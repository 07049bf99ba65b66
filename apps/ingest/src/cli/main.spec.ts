import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IngestExitCode, runParseCommand } from './parse.command';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures');

async function run(files: string[]): Promise<{ code: number; lines: unknown[]; stderr: string }> {
  let out = '';
  let err = '';
  const code = await runParseCommand(files, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return {
    code,
    lines: out
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as unknown),
    stderr: err,
  };
}

describe('revisit ingest parse', () => {
  it('exits 0 and prints one NDJSON line per event when everything is accepted', async () => {
    const { code, lines } = await run([path.join(FIXTURES, 'hl7v2/ms-fhir-converter/ADT-A01-02.hl7')]);
    expect(code).toBe(IngestExitCode.Ok);
    expect(lines.map((l) => (l as { type: string }).type)).toEqual([
      'revisit.source.patient-registered.v1',
      'revisit.clinical.encounter-started.v1',
    ]);
  });

  it('exits 1 and prints a rejected line when anything is rejected, across formats', async () => {
    const { code, lines, stderr } = await run([
      path.join(FIXTURES, 'fhir/fhir-r4-spec-examples/patient-example.json'),
      path.join(FIXTURES, 'hl7v2/rethinkhealth-hl7v2/invalid-missing-msh.hl7'),
    ]);
    expect(code).toBe(IngestExitCode.Rejected);
    expect(lines[1]).toEqual({
      rejected: {
        code: 'NO_MESSAGE',
        message: 'MSH: Segments found but no MSH segment',
        file: path.join(FIXTURES, 'hl7v2/rethinkhealth-hl7v2/invalid-missing-msh.hl7'),
        index: 0,
      },
    });
    expect(stderr).toContain('2 file(s), 1 event(s), 1 rejected');
  });

  it('exits 2 on usage errors: no file, or a file that cannot be read', async () => {
    expect((await run([])).code).toBe(IngestExitCode.UsageError);
    const missing = await run([path.join(tmpdir(), 'revisit-no-such-file.hl7')]);
    expect(missing.code).toBe(IngestExitCode.UsageError);
    expect(missing.lines).toEqual([]);
  });

  it('sniffs HL7 in files without an extension and rejects unknown content', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'revisit-parse-'));
    const unknown = path.join(dir, 'notes');
    writeFileSync(unknown, 'just some text');
    const { code, lines } = await run([path.join(FIXTURES, 'hl7v2/nhapi/hang1'), unknown]);
    expect(code).toBe(IngestExitCode.Rejected);
    expect(lines.map((l) => (l as { rejected: { code: string } }).rejected.code)).toEqual([
      'MALFORMED_MSH',
      'UNKNOWN_FORMAT',
    ]);
  });
});
