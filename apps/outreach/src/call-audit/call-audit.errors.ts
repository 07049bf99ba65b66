import { DomainError, type ProblemCatalogue } from '@revisit/platform';

export enum CallAuditErrorCode {
  CallNotFound = 'call-audit.call-not-found',
  AlreadyScored = 'call-audit.already-scored',
  ScoreOutOfRange = 'call-audit.score-out-of-range',
  OrganisationRequired = 'call-audit.organisation-required',
  OrganisationNotFound = 'call-audit.organisation-not-found',
}

const PROBLEMS: ProblemCatalogue<CallAuditErrorCode> = {
  [CallAuditErrorCode.CallNotFound]: { status: 404, title: 'No sampled call with this id' },
  [CallAuditErrorCode.AlreadyScored]: { status: 409, title: 'This call was already scored' },
  [CallAuditErrorCode.ScoreOutOfRange]: { status: 422, title: 'A criterion score exceeds its maximum' },
  [CallAuditErrorCode.OrganisationRequired]: { status: 422, title: 'Name the organisation (you belong to several)' },
  [CallAuditErrorCode.OrganisationNotFound]: { status: 404, title: 'Organisation not found' },
};

export class CallAuditError extends DomainError<CallAuditErrorCode> {
  constructor(code: CallAuditErrorCode, message: string) {
    super(code, message, PROBLEMS);
  }
}
