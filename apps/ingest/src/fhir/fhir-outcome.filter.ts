import { randomUUID } from 'node:crypto';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Inject } from '@nestjs/common';
import type { Logger } from '@revisit/observability';
import { DomainError, SERVICE_LOGGER } from '@revisit/platform';
import type { Response } from 'express';
import { type OperationOutcome } from './operation-outcome';

export const FHIR_JSON = 'application/fhir+json';

/**
 * FHIR clients expect errors as OperationOutcome, not problem+json: the same status, our error code in
 * `details.coding`, a 500 carrying only an error id.
 */
@Catch()
export class FhirOutcomeFilter implements ExceptionFilter {
  constructor(@Inject(SERVICE_LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    const { status, outcome } = this.toOutcome(exception);
    response.status(status).type(FHIR_JSON).send(JSON.stringify(outcome));
  }

  private toOutcome(exception: unknown): { status: number; outcome: OperationOutcome } {
    if (exception instanceof DomainError) {
      const problem = exception.toProblem();
      return {
        status: problem.status,
        outcome: outcome(issueCode(problem.status), problem.code ?? 'error', problem.detail ?? problem.title),
      };
    }
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      const status = exception.getStatus();
      return { status, outcome: outcome(issueCode(status), `http.${status}`, 'The request was not accepted') };
    }
    const errorId = randomUUID();
    this.logger.error({ err: exception, errorId }, 'unhandled error in FHIR handler');
    return { status: 500, outcome: outcome('exception', 'internal', `Internal error; error id ${errorId}`) };
  }
}

function issueCode(status: number): OperationOutcome['issue'][number]['code'] {
  if (status === 401 || status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 413 || status === 415) return 'not-supported';
  return 'invalid';
}

function outcome(code: OperationOutcome['issue'][number]['code'], errorCode: string, text: string): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: [
      {
        severity: 'error',
        code,
        details: { coding: [{ system: 'urn:revisit:problem', code: errorCode }] },
        diagnostics: text,
      },
    ],
  };
}
