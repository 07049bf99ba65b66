import { InfraError, isMissingPrerequisite } from '@revisit/local-infra';

/** Exit codes of `revisit` itself; delegated subcommands keep their own and they are passed through. */
export enum CliExitCode {
  Ok = 0,
  /** The command ran and something is wrong (a component down, a broker that would not start). */
  Failure = 1,
  /** Unknown command or arguments. */
  Usage = 2,
  /** Something must be installed or configured first (Java, Maven, a free port). */
  MissingPrerequisite = 3,
  /** The delegated command's compiled file is absent (its app is not built or not written yet). */
  NotBuilt = 4,
}

/** Prints one clear sentence for an expected failure; unexpected ones keep their stack for a bug report. */
export function reportFailure(err: unknown): CliExitCode {
  if (err instanceof InfraError) {
    console.error(`revisit: ${err.message}`);
    return isMissingPrerequisite(err.code) ? CliExitCode.MissingPrerequisite : CliExitCode.Failure;
  }
  console.error('revisit: unexpected error', err);
  return CliExitCode.Failure;
}
