import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CliExitCode } from './cli-exit-code';
import { runDelegated } from './run-delegated';

describe('runDelegated', () => {
  let root: string;

  beforeAll(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'revisit-cli-'));
    mkdirSync(path.join(root, 'dist'), { recursive: true });
    // Exits with the number of arguments it received plus 10, and records them.
    writeFileSync(
      path.join(root, 'dist', 'child.js'),
      `require('fs').writeFileSync(${JSON.stringify(path.join(root, 'args.json'))}, JSON.stringify(process.argv.slice(2)));
       process.exit(10 + process.argv.length - 2);`,
    );
    writeFileSync(path.join(root, 'dist', 'killed.js'), `process.kill(process.pid, 'SIGTERM');`);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('passes the arguments through and propagates the exit code', async () => {
    expect(await runDelegated(root, 'dist/child.js', ['ingest', 'parse', 'a b.hl7'])).toBe(13);
    const { readFileSync } = await import('node:fs');
    expect(JSON.parse(readFileSync(path.join(root, 'args.json'), 'utf8'))).toEqual(['ingest', 'parse', 'a b.hl7']);
  });

  it('reports 128 + signal number for a child killed by a signal, as a shell does', async () => {
    expect(await runDelegated(root, 'dist/killed.js', [])).toBe(128 + os.constants.signals.SIGTERM);
  });

  it('says the command is not built when its compiled file is absent', async () => {
    const err = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await runDelegated(root, 'dist/apps/absent/src/cli/main.js', [])).toBe(CliExitCode.NotBuilt);
    expect(err).toHaveBeenCalledWith(expect.stringContaining('dist/apps/absent/src/cli/main.js is not built'));
    err.mockRestore();
  });
});
