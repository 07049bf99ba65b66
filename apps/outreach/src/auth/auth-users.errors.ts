import { DomainError, type ProblemCatalogue } from '@revisit/platform';

export enum AuthUsersErrorCode {
  InvalidGrant = 'auth.invalid-grant',
  UsernameTaken = 'auth.username-taken',
  WeakPassword = 'auth.weak-password',
  LocalIssuerDisabled = 'auth.local-issuer-disabled',
}

const PROBLEMS: ProblemCatalogue<AuthUsersErrorCode> = {
  [AuthUsersErrorCode.InvalidGrant]: { status: 400, title: 'Wrong username or password' },
  [AuthUsersErrorCode.UsernameTaken]: { status: 409, title: 'Username already exists' },
  [AuthUsersErrorCode.WeakPassword]: { status: 400, title: 'Password too weak' },
  [AuthUsersErrorCode.LocalIssuerDisabled]: { status: 404, title: 'The local issuer is disabled' },
};

export class AuthUsersError extends DomainError<AuthUsersErrorCode> {
  constructor(code: AuthUsersErrorCode, message: string) {
    super(code, message, PROBLEMS);
  }
}
