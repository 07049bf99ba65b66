import { runCli } from './cli';
import { CliExitCode } from './cli-exit-code';
import { COMMANDS } from './commands';

describe('runCli', () => {
  let out: jest.SpiedFunction<typeof console.log>;
  let err: jest.SpiedFunction<typeof console.error>;

  beforeEach(() => {
    out = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    err = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('prints every command of the dispatch table for `help`', async () => {
    expect(await runCli(['help'])).toBe(CliExitCode.Ok);
    const text = out.mock.calls.map((call) => String(call[0])).join('\n');
    for (const name of [...Object.keys(COMMANDS), 'help']) expect(text).toMatch(new RegExp(`^  ${name}\\s`, 'm'));
  });

  it('exits with the usage code for no command or an unknown one', async () => {
    expect(await runCli([])).toBe(CliExitCode.Usage);
    expect(await runCli(['frobnicate'])).toBe(CliExitCode.Usage);
    expect(await runCli(['toString'])).toBe(CliExitCode.Usage);
    expect(err.mock.calls.map((call) => String(call[0])).join('\n')).toContain('unknown command "frobnicate"');
  });

  it('rejects an unknown infra action without touching any infrastructure', async () => {
    expect(await runCli(['infra', 'restart'])).toBe(CliExitCode.Usage);
    expect(await runCli(['infra', 'up', 'extra'])).toBe(CliExitCode.Usage);
    expect(err).toHaveBeenCalledWith('Usage: revisit infra up|down|status');
  });
});

describe('the dispatch table', () => {
  it('sends ingest and empi to the ingest CLI, plans to the scheduler and dlq to messaging', () => {
    const spawned = Object.fromEntries(
      Object.entries(COMMANDS).flatMap(([name, entry]) => (entry.kind === 'spawn' ? [[name, entry.script]] : [])),
    );
    expect(spawned).toEqual({
      ingest: 'dist/apps/ingest/src/cli/main.js',
      empi: 'dist/apps/ingest/src/cli/main.js',
      plans: 'dist/apps/scheduler/src/cli/main.js',
      outreach: 'dist/apps/outreach/src/cli/main.js',
      dlq: 'dist/libs/messaging/src/cli/dlq-main.js',
    });
  });
});
