/** Closed set of reasons a plan document is rejected. */
export enum PlanErrorCode {
  YamlSyntax = 'plan.yaml-syntax',
  SchemaViolation = 'plan.schema-violation',
  DuplicateStepId = 'plan.duplicate-step-id',
  UnknownParameter = 'plan.unknown-parameter',
  UnknownDrugClass = 'plan.unknown-drug-class',
  AnchorNotAvailable = 'plan.anchor-not-available',
  LunarDateMissing = 'plan.lunar-date-missing',
  InvalidTimezone = 'plan.invalid-timezone',
  InvalidOffset = 'plan.invalid-offset',
}

export interface PlanIssue {
  readonly code: PlanErrorCode;
  /** 1-based line and column in the YAML source */
  readonly line: number;
  readonly column: number;
  /** JSON pointer of the offending value, e.g. /steps/2/offset */
  readonly path: string;
  readonly message: string;
}

export class PlanValidationError extends Error {
  constructor(
    readonly source: string,
    readonly issues: readonly PlanIssue[],
  ) {
    super(`${source}: ${issues.length} problem(s) in plan`);
    this.name = 'PlanValidationError';
  }
}

export function formatIssue(source: string, issue: PlanIssue): string {
  return `${source}:${issue.line}:${issue.column} ${issue.code} ${issue.path || '/'} ${issue.message}`;
}
