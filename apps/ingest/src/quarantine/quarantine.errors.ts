import { DomainError, type ProblemCatalogue } from '@revisit/platform';

export enum QuarantineErrorCode {
  NotFound = 'quarantine.not-found',
  AlreadyReplayed = 'quarantine.already-replayed',
  SourceUnknown = 'quarantine.source-unknown',
}

const QUARANTINE_PROBLEMS: ProblemCatalogue<QuarantineErrorCode> = {
  [QuarantineErrorCode.NotFound]: { status: 404, title: 'Quarantine entry not found' },
  [QuarantineErrorCode.AlreadyReplayed]: { status: 409, title: 'Quarantine entry already replayed' },
  [QuarantineErrorCode.SourceUnknown]: { status: 409, title: 'Feed source of the message is not configured' },
};

export class QuarantineError extends DomainError<QuarantineErrorCode> {
  constructor(code: QuarantineErrorCode, message: string) {
    super(code, message, QUARANTINE_PROBLEMS);
  }
}
