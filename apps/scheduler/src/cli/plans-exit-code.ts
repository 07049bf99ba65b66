/** Exit codes of `revisit plans ...`. */
export enum PlansExitCode {
  Ok = 0,
  /** The plan does not validate; line-numbered problems are on stderr. */
  InvalidPlan = 1,
  /** Unknown subcommand, missing or malformed arguments, unreadable or non-FHIR input files. */
  Usage = 2,
}
