import path from 'node:path';
import { main } from './main';
import { IngestExitCode } from './parse.command';

describe('ingest app CLI dispatch', () => {
  let written: string[];
  beforeEach(() => {
    written = [];
    const capture = (chunk: string | Uint8Array): boolean => {
      written.push(String(chunk));
      return true;
    };
    jest.spyOn(process.stdout, 'write').mockImplementation(capture);
    jest.spyOn(process.stderr, 'write').mockImplementation(capture);
  });
  afterEach(() => jest.restoreAllMocks());

  it('runs `ingest parse`', async () => {
    const file = path.resolve(__dirname, '../../../../test/fixtures/hl7v2/dcm4che/ADT_A31-UpdatePersonInfo.hl7');
    expect(await main(['ingest', 'parse', file])).toBe(IngestExitCode.Ok);
    expect(written.join('')).toContain('"type":"revisit.source.patient-updated.v1"');
  });

  it('prints usage: exit 0 when asked for help, 2 for a missing or unknown subcommand or command', async () => {
    expect(await main(['ingest', '--help'])).toBe(IngestExitCode.Ok);
    expect(await main(['ingest'])).toBe(IngestExitCode.UsageError);
    expect(await main(['ingest', 'load'])).toBe(IngestExitCode.UsageError);
    expect(await main(['plans'])).toBe(IngestExitCode.UsageError);
    expect(written.join('')).toContain('Usage: revisit ingest parse FILE...');
  });

  it('hands `empi` to the EMPI command', async () => {
    expect(await main(['empi', '--help'])).toBe(0);
    expect(written.join('')).toContain('revisit empi link');
  });
});
