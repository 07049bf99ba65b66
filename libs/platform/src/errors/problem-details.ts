/** RFC 9457 problem details, plus the extension members our edges use. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  /** Our closed error code, e.g. `plans.not-found`; clients branch on this, not on `title`. */
  readonly code?: string;
  /** Set on 500s only: the id under which the details were logged. */
  readonly errorId?: string;
  /** Set on validation failures: one entry per offending field. */
  readonly errors?: readonly FieldProblem[];
}

export interface FieldProblem {
  /** JSON pointer into the request body or the query parameter name, e.g. `/patient/birthDate`. */
  readonly field: string;
  readonly message: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export const PROBLEM_TYPE_BASE = 'urn:revisit:problem:';

export function problemType(code: string): string {
  return `${PROBLEM_TYPE_BASE}${code}`;
}
