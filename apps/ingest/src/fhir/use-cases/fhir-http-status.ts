import { FhirRejectionCode } from '../fhir.errors';

/** HTTP status for a rejected resource: syntax 400, content 422, authorisation 403, our defect 500. */
export function httpStatusFor(code: FhirRejectionCode): number {
  switch (code) {
    case FhirRejectionCode.INVALID_JSON:
    case FhirRejectionCode.NOT_A_RESOURCE:
    case FhirRejectionCode.UNSUPPORTED_RESOURCE_TYPE:
    case FhirRejectionCode.UNSUPPORTED_BUNDLE_TYPE:
    case FhirRejectionCode.UNSUPPORTED_METHOD:
      return 400;
    case FhirRejectionCode.MISSING_REQUIRED_ELEMENT:
    case FhirRejectionCode.UNRESOLVED_SUBJECT:
    case FhirRejectionCode.INVALID_IDENTIFIER:
    case FhirRejectionCode.INVALID_VALUE:
    case FhirRejectionCode.STATUS_NOT_ACTIONABLE:
      return 422;
    case FhirRejectionCode.IDENTIFIER_SYSTEM_NOT_ALLOWED:
      return 403;
    case FhirRejectionCode.INTERNAL_ERROR:
      return 500;
  }
}

export function statusLine(status: number): string {
  const reasons: Record<number, string> = {
    200: 'OK',
    201: 'Created',
    400: 'Bad Request',
    403: 'Forbidden',
    422: 'Unprocessable Entity',
    500: 'Internal Server Error',
  };
  return `${status} ${reasons[status] ?? ''}`.trim();
}
