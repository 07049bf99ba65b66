import { DomainError, type ProblemCatalogue } from '../errors/domain-error';

/** Why a request was refused at the door. Closed: the problem+json mapping below is exhaustive. */
export enum AuthErrorCode {
  MissingToken = 'auth.missing-token',
  InvalidToken = 'auth.invalid-token',
  Forbidden = 'auth.forbidden',
  /** The route has no explicit access decision: denied by default, a programming error. */
  UndeclaredRoute = 'auth.undeclared-route',
}

const AUTH_PROBLEMS: ProblemCatalogue<AuthErrorCode> = {
  [AuthErrorCode.MissingToken]: { status: 401, title: 'Authentication required' },
  [AuthErrorCode.InvalidToken]: { status: 401, title: 'Token refused' },
  [AuthErrorCode.Forbidden]: { status: 403, title: 'Not allowed for your role' },
  [AuthErrorCode.UndeclaredRoute]: { status: 403, title: 'Route denied by default' },
};

/** Messages never echo the token or its claims; the reason is a fixed phrase. */
export class AuthError extends DomainError<AuthErrorCode> {
  constructor(code: AuthErrorCode, message: string) {
    super(code, message, AUTH_PROBLEMS);
  }
}
