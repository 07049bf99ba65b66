import { findRepoRoot } from '@revisit/local-infra';
import { CliExitCode, reportFailure } from './cli-exit-code';
import { COMMANDS } from './commands';
import { helpText } from './help';
import { runDelegated } from './run-delegated';

/** Runs `revisit <argv...>` and resolves to the process exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    console.error(helpText());
    return CliExitCode.Usage;
  }
  if (name === 'help' || name === '--help' || name === '-h') {
    console.log(helpText());
    return CliExitCode.Ok;
  }
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!entry) {
    console.error(`revisit: unknown command "${name}".\n\n${helpText()}`);
    return CliExitCode.Usage;
  }
  try {
    switch (entry.kind) {
      case 'spawn':
        return await runDelegated(findRepoRoot(), entry.script, entry.forwardName ? [name, ...args] : args);
      case 'in-process':
        return await (await entry.load()).run(args);
    }
  } catch (err) {
    return reportFailure(err);
  }
}
