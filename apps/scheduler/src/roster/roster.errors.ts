import { DomainError, type ProblemCatalogue, type ProblemDetails } from '@revisit/platform';

export enum RosterErrorCode {
  Invalid = 'roster.invalid',
  NotFound = 'roster.not-found',
}

const PROBLEMS: ProblemCatalogue<RosterErrorCode> = {
  [RosterErrorCode.Invalid]: { status: 422, title: 'Roster is invalid' },
  [RosterErrorCode.NotFound]: { status: 404, title: 'The organisation has no roster' },
};

export interface RosterIssue {
  /** JSON pointer into the roster */
  readonly field: string;
  readonly message: string;
}

export class RosterError extends DomainError<RosterErrorCode> {
  constructor(
    code: RosterErrorCode,
    message: string,
    private readonly issues: readonly RosterIssue[] = [],
  ) {
    super(code, message, PROBLEMS);
  }

  override toProblem(): ProblemDetails {
    const problem = super.toProblem();
    return this.issues.length === 0 ? problem : { ...problem, errors: [...this.issues] };
  }
}
