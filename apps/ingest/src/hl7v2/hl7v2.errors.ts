/**
 * Why an HL7 v2 message was not accepted. Closed: every edge (ACK, CLI, quarantine) maps it exhaustively.
 * Messages built from these codes never contain field values, so no patient data reaches logs or ACKs.
 */
export enum Hl7RejectionCode {
  NO_MESSAGE = 'NO_MESSAGE',
  MALFORMED_MSH = 'MALFORMED_MSH',
  UNSUPPORTED_CHARSET = 'UNSUPPORTED_CHARSET',
  UNSUPPORTED_VERSION = 'UNSUPPORTED_VERSION',
  UNSUPPORTED_MESSAGE_TYPE = 'UNSUPPORTED_MESSAGE_TYPE',
  MISSING_REQUIRED_SEGMENT = 'MISSING_REQUIRED_SEGMENT',
  MISSING_REQUIRED_FIELD = 'MISSING_REQUIRED_FIELD',
  INVALID_IDENTIFIER = 'INVALID_IDENTIFIER',
  INVALID_VALUE = 'INVALID_VALUE',
  /** A defect on our side; the sender may resend after we fix it, hence AE rather than AR. */
  INTERNAL_ERROR = 'INTERNAL_ERROR',
  /** The connection is not bound to a configured feed source (unknown peer or client certificate). */
  SOURCE_NOT_AUTHENTICATED = 'SOURCE_NOT_AUTHENTICATED',
  /** The message writes identifiers of an assigning authority its source is not bound to. */
  IDENTIFIER_SYSTEM_NOT_ALLOWED = 'IDENTIFIER_SYSTEM_NOT_ALLOWED',
}

/** HL7 table 0357 (message error condition codes). */
export enum Hl7ErrorCondition {
  SEGMENT_SEQUENCE_ERROR = '100',
  REQUIRED_FIELD_MISSING = '101',
  DATA_TYPE_ERROR = '102',
  TABLE_VALUE_NOT_FOUND = '103',
  UNSUPPORTED_MESSAGE_TYPE = '200',
  UNSUPPORTED_EVENT_CODE = '201',
  UNSUPPORTED_VERSION_ID = '203',
  UNKNOWN_KEY_IDENTIFIER = '204',
  APPLICATION_INTERNAL_ERROR = '207',
}

/** AR: the message cannot be processed at all (resend will not help); AE: its content is wrong. */
export type AckRejectCode = 'AE' | 'AR';

export interface Hl7RejectionPolicy {
  readonly ack: AckRejectCode;
  readonly condition: Hl7ErrorCondition;
  readonly text: string;
}

export function rejectionPolicy(code: Hl7RejectionCode): Hl7RejectionPolicy {
  switch (code) {
    case Hl7RejectionCode.NO_MESSAGE:
      return { ack: 'AR', condition: Hl7ErrorCondition.SEGMENT_SEQUENCE_ERROR, text: 'Segment sequence error' };
    case Hl7RejectionCode.MALFORMED_MSH:
      return { ack: 'AR', condition: Hl7ErrorCondition.DATA_TYPE_ERROR, text: 'Data type error' };
    case Hl7RejectionCode.UNSUPPORTED_CHARSET:
      return { ack: 'AR', condition: Hl7ErrorCondition.TABLE_VALUE_NOT_FOUND, text: 'Table value not found' };
    case Hl7RejectionCode.UNSUPPORTED_VERSION:
      return { ack: 'AR', condition: Hl7ErrorCondition.UNSUPPORTED_VERSION_ID, text: 'Unsupported version id' };
    case Hl7RejectionCode.UNSUPPORTED_MESSAGE_TYPE:
      return {
        ack: 'AR',
        condition: Hl7ErrorCondition.UNSUPPORTED_MESSAGE_TYPE,
        text: 'Unsupported message type',
      };
    case Hl7RejectionCode.MISSING_REQUIRED_SEGMENT:
      return { ack: 'AE', condition: Hl7ErrorCondition.SEGMENT_SEQUENCE_ERROR, text: 'Segment sequence error' };
    case Hl7RejectionCode.MISSING_REQUIRED_FIELD:
      return { ack: 'AE', condition: Hl7ErrorCondition.REQUIRED_FIELD_MISSING, text: 'Required field missing' };
    case Hl7RejectionCode.INVALID_IDENTIFIER:
      return { ack: 'AE', condition: Hl7ErrorCondition.UNKNOWN_KEY_IDENTIFIER, text: 'Unknown key identifier' };
    case Hl7RejectionCode.INVALID_VALUE:
      return { ack: 'AE', condition: Hl7ErrorCondition.DATA_TYPE_ERROR, text: 'Data type error' };
    case Hl7RejectionCode.SOURCE_NOT_AUTHENTICATED:
    case Hl7RejectionCode.IDENTIFIER_SYSTEM_NOT_ALLOWED:
      // Table 0357 has no authorisation condition; 207 with our code in ERR-5 is what engines display.
      return { ack: 'AR', condition: Hl7ErrorCondition.APPLICATION_INTERNAL_ERROR, text: 'Not authorised' };
    case Hl7RejectionCode.INTERNAL_ERROR:
      return {
        ack: 'AE',
        condition: Hl7ErrorCondition.APPLICATION_INTERNAL_ERROR,
        text: 'Application internal error',
      };
  }
}

/** Where in the message the problem is (HL7 ERL), e.g. PID-3 is {segment:'PID', field:3}. */
export interface Hl7ErrorLocation {
  readonly segment: string;
  readonly sequence?: number;
  readonly field?: number;
  readonly repetition?: number;
  readonly component?: number;
}

export class Hl7RejectionError extends Error {
  constructor(
    readonly code: Hl7RejectionCode,
    /** Free of patient data by construction: callers pass only structural descriptions. */
    readonly detail: string,
    readonly location?: Hl7ErrorLocation,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'Hl7RejectionError';
  }
}

export function formatLocation(location: Hl7ErrorLocation | undefined): string {
  if (!location) return '';
  const field = location.field === undefined ? '' : `-${location.field}`;
  const component = location.component === undefined ? '' : `.${location.component}`;
  return `${location.segment}${field}${component}`;
}
