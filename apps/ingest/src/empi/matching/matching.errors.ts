/** Closed set of failures of the EMPI matching inputs. Messages never quote record values. */
export enum EmpiMatchingErrorCode {
  MissingColumn = 'EMPI_MISSING_COLUMN',
  MalformedCsv = 'EMPI_MALFORMED_CSV',
  MissingRecordId = 'EMPI_MISSING_RECORD_ID',
  DuplicateRecordId = 'EMPI_DUPLICATE_RECORD_ID',
}

export class EmpiMatchingError extends Error {
  constructor(
    readonly code: EmpiMatchingErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EmpiMatchingError';
  }
}
