/** Closed set of reasons an event can be refused by the catalogue; edges map them exhaustively. */
export enum EventErrorCode {
  UnknownType = 'EVENT_UNKNOWN_TYPE',
  UnknownVersion = 'EVENT_UNKNOWN_VERSION',
  InvalidEnvelope = 'EVENT_INVALID_ENVELOPE',
  InvalidData = 'EVENT_INVALID_DATA',
  SubjectMismatch = 'EVENT_SUBJECT_MISMATCH',
  OrganisationMismatch = 'EVENT_ORGANISATION_MISMATCH',
  InvalidTypeName = 'EVENT_INVALID_TYPE_NAME',
}

/**
 * Raised when code builds an event the contract forbids. Messages name fields and rules only, never
 * values, because values may be patient data.
 */
export class EventContractError extends Error {
  constructor(
    readonly code: EventErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EventContractError';
  }
}
