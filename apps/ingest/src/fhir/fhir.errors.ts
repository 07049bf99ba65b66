/** Why a FHIR input (or one Bundle entry) produced no events. Closed; mapped to OperationOutcome below. */
export enum FhirRejectionCode {
  INVALID_JSON = 'INVALID_JSON',
  NOT_A_RESOURCE = 'NOT_A_RESOURCE',
  UNSUPPORTED_RESOURCE_TYPE = 'UNSUPPORTED_RESOURCE_TYPE',
  UNSUPPORTED_BUNDLE_TYPE = 'UNSUPPORTED_BUNDLE_TYPE',
  UNSUPPORTED_METHOD = 'UNSUPPORTED_METHOD',
  MISSING_REQUIRED_ELEMENT = 'MISSING_REQUIRED_ELEMENT',
  UNRESOLVED_SUBJECT = 'UNRESOLVED_SUBJECT',
  INVALID_IDENTIFIER = 'INVALID_IDENTIFIER',
  INVALID_VALUE = 'INVALID_VALUE',
  /** Valid resource whose status means nothing happened yet (draft, not-done, in-progress...). */
  STATUS_NOT_ACTIONABLE = 'STATUS_NOT_ACTIONABLE',
  /** The authenticated source may not write identifiers of this system (assigning authority). */
  IDENTIFIER_SYSTEM_NOT_ALLOWED = 'IDENTIFIER_SYSTEM_NOT_ALLOWED',
  INTERNAL_ERROR = 'INTERNAL_ERROR',
}

export type IssueSeverity = 'fatal' | 'error' | 'warning' | 'information';
/** The subset of FHIR IssueType codes we emit. */
export type IssueType =
  | 'invalid'
  | 'structure'
  | 'required'
  | 'value'
  | 'not-supported'
  | 'not-found'
  | 'informational'
  | 'exception'
  | 'forbidden';

export function issueFor(code: FhirRejectionCode): { severity: IssueSeverity; code: IssueType } {
  switch (code) {
    case FhirRejectionCode.INVALID_JSON:
      return { severity: 'fatal', code: 'structure' };
    case FhirRejectionCode.NOT_A_RESOURCE:
      return { severity: 'error', code: 'structure' };
    case FhirRejectionCode.UNSUPPORTED_RESOURCE_TYPE:
    case FhirRejectionCode.UNSUPPORTED_BUNDLE_TYPE:
    case FhirRejectionCode.UNSUPPORTED_METHOD:
      return { severity: 'error', code: 'not-supported' };
    case FhirRejectionCode.MISSING_REQUIRED_ELEMENT:
      return { severity: 'error', code: 'required' };
    case FhirRejectionCode.UNRESOLVED_SUBJECT:
      return { severity: 'error', code: 'not-found' };
    case FhirRejectionCode.INVALID_IDENTIFIER:
    case FhirRejectionCode.INVALID_VALUE:
      return { severity: 'error', code: 'value' };
    case FhirRejectionCode.STATUS_NOT_ACTIONABLE:
      return { severity: 'information', code: 'informational' };
    case FhirRejectionCode.IDENTIFIER_SYSTEM_NOT_ALLOWED:
      return { severity: 'error', code: 'forbidden' };
    case FhirRejectionCode.INTERNAL_ERROR:
      return { severity: 'fatal', code: 'exception' };
  }
}

export class FhirRejectionError extends Error {
  constructor(
    readonly code: FhirRejectionCode,
    /** Structural description only, never element values. */
    readonly detail: string,
    /** FHIRPath of the offending element, e.g. "MedicationDispense.subject". */
    readonly expression?: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'FhirRejectionError';
  }
}
