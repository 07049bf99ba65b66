import { type FhirRejectionCode, issueFor, type IssueSeverity, type IssueType } from './fhir.errors';

export interface OperationOutcomeIssue {
  readonly severity: IssueSeverity;
  readonly code: IssueType;
  readonly details: { readonly coding: ReadonlyArray<{ system: string; code: string }> };
  readonly diagnostics: string;
  readonly expression?: readonly string[];
}

export interface OperationOutcome {
  readonly resourceType: 'OperationOutcome';
  readonly issue: readonly OperationOutcomeIssue[];
}

export const REVISIT_ERROR_SYSTEM = 'urn:revisit:ingest:fhir-rejection-code';

export interface OutcomeProblem {
  readonly code: FhirRejectionCode;
  readonly message: string;
  readonly expression?: string;
}

/** Builds the OperationOutcome the HTTP layer returns (or embeds per entry in a batch-response). */
export function buildOperationOutcome(problems: readonly OutcomeProblem[]): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: problems.map((p) => {
      const { severity, code } = issueFor(p.code);
      return {
        severity,
        code,
        details: { coding: [{ system: REVISIT_ERROR_SYSTEM, code: p.code }] },
        diagnostics: p.message,
        ...(p.expression ? { expression: [p.expression] } : {}),
      };
    }),
  };
}
