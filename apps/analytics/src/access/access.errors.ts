import { DomainError, type ProblemCatalogue } from '@revisit/platform';

export enum AccessErrorCode {
  NotConfigured = 'analytics.auth-not-configured',
  MissingToken = 'analytics.missing-token',
  InvalidToken = 'analytics.invalid-token',
  RoleNotAllowed = 'analytics.role-not-allowed',
  OtherOrganisation = 'analytics.other-organisation',
}

const PROBLEMS: ProblemCatalogue<AccessErrorCode> = {
  [AccessErrorCode.NotConfigured]: { status: 503, title: 'Sign-in is not configured for analytics' },
  [AccessErrorCode.MissingToken]: { status: 401, title: 'A bearer token is required' },
  [AccessErrorCode.InvalidToken]: { status: 401, title: 'The bearer token is not valid' },
  [AccessErrorCode.RoleNotAllowed]: { status: 403, title: 'Your role may not see analytics' },
  [AccessErrorCode.OtherOrganisation]: { status: 403, title: 'The token is for another organisation' },
};

export class AccessError extends DomainError<AccessErrorCode> {
  constructor(code: AccessErrorCode, message: string) {
    super(code, message, PROBLEMS);
  }
}
