import { type CommandIo, INGEST_USAGE, IngestExitCode, runParseCommand } from './parse.command';

/**
 * Entry point for `revisit ingest ...` and `revisit empi ...`; the tools/cli dispatcher spawns this file
 * with the command name as the first argument.
 */
const io: CommandIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Only the EMPI module itself being absent counts; a missing dependency of it is a real failure. */
function isEmpiModuleMissing(error: unknown): boolean {
  return (
    error instanceof Error &&
    'code' in error &&
    error.code === 'MODULE_NOT_FOUND' &&
    error.message.includes('empi-link.command')
  );
}

async function runEmpi(args: string[]): Promise<number> {
  try {
    const { runEmpiCommand } = await import('./empi-link.command');
    return await runEmpiCommand(args);
  } catch (error: unknown) {
    if (!isEmpiModuleMissing(error)) throw error;
    io.stderr('revisit empi: this build has no EMPI command (apps/ingest/src/cli/empi-link.command is missing)\n');
    return IngestExitCode.UsageError;
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  if (command === 'empi') return runEmpi(argv.slice(1));
  if (command !== 'ingest') {
    io.stderr(`revisit: unknown command ${command ?? '(none)'} for the ingest app\n`);
    return IngestExitCode.UsageError;
  }
  if (sub === 'parse') return runParseCommand(rest, io);
  if (sub === 'import') return (await import('./import.command')).runImportCommand(rest, io);
  if (sub === 'sources') return (await import('./sources.command')).runSourcesCommand(rest, io);
  if (sub === undefined || sub === 'help' || sub === '--help' || sub === '-h') {
    (sub === undefined ? io.stderr : io.stdout)(`${INGEST_USAGE}\n`);
    return sub === undefined ? IngestExitCode.UsageError : IngestExitCode.Ok;
  }
  io.stderr(`revisit ingest: unknown subcommand ${sub}\n\n${INGEST_USAGE}\n`);
  return IngestExitCode.UsageError;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // Only the error class: messages of unexpected errors could echo input data.
      process.stderr.write(`revisit ingest: internal error (${error instanceof Error ? error.name : 'unknown'})\n`);
      process.exitCode = 70;
    },
  );
}
