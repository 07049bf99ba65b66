import { DomainError, type ProblemCatalogue, type ProblemDetails } from '@revisit/platform';
import { formatIssue, type PlanIssue } from '../plans/plan.errors';

export enum PlanStoreErrorCode {
  InvalidPlan = 'plans.invalid',
  OrgMismatch = 'plans.org-mismatch',
  VersionNotNewer = 'plans.version-not-newer',
  NotFound = 'plans.not-found',
  PreviewInputMissing = 'plans.preview-input-missing',
}

const PROBLEMS: ProblemCatalogue<PlanStoreErrorCode> = {
  [PlanStoreErrorCode.InvalidPlan]: { status: 422, title: 'Plan is invalid' },
  [PlanStoreErrorCode.OrgMismatch]: { status: 422, title: "Plan belongs to another organisation than the caller's" },
  [PlanStoreErrorCode.VersionNotNewer]: { status: 409, title: 'Plan version is not newer than the stored ones' },
  [PlanStoreErrorCode.NotFound]: { status: 404, title: 'Plan not found' },
  [PlanStoreErrorCode.PreviewInputMissing]: { status: 400, title: 'Preview needs a plan and a history' },
};

export class PlanStoreError extends DomainError<PlanStoreErrorCode> {
  constructor(
    code: PlanStoreErrorCode,
    message: string,
    private readonly issues: readonly PlanIssue[] = [],
  ) {
    super(code, message, PROBLEMS);
  }

  /** Invalid plans list every problem as the CLI prints it: `SOURCE:LINE:COLUMN code /pointer message`. */
  override toProblem(): ProblemDetails {
    const problem = super.toProblem();
    if (this.issues.length === 0) return problem;
    return {
      ...problem,
      errors: this.issues.map((issue) => ({ field: issue.path || '/', message: formatIssue('plan.yaml', issue) })),
    };
  }
}
