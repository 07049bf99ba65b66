import { DomainError, type ProblemCatalogue } from '@revisit/platform';

export enum SourceErrorCode {
  CredentialsMissing = 'sources.credentials-missing',
  CredentialsInvalid = 'sources.credentials-invalid',
  IdentifierSystemNotAllowed = 'sources.identifier-system-not-allowed',
  NotFound = 'sources.not-found',
  AlreadyExists = 'sources.already-exists',
}

const SOURCE_PROBLEMS: ProblemCatalogue<SourceErrorCode> = {
  [SourceErrorCode.CredentialsMissing]: { status: 401, title: 'Feed credentials required' },
  [SourceErrorCode.CredentialsInvalid]: { status: 401, title: 'Feed credentials invalid' },
  [SourceErrorCode.IdentifierSystemNotAllowed]: { status: 403, title: 'Identifier system not allowed' },
  [SourceErrorCode.NotFound]: { status: 404, title: 'Feed source not found' },
  [SourceErrorCode.AlreadyExists]: { status: 409, title: 'Feed source already exists' },
};

export class SourceError extends DomainError<SourceErrorCode> {
  constructor(code: SourceErrorCode, message: string) {
    super(code, message, SOURCE_PROBLEMS);
  }
}
