import { randomUUID } from 'node:crypto';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Inject } from '@nestjs/common';
import { type Logger, redactText } from '@revisit/observability';
import type { Request, Response } from 'express';
import { DomainError } from './domain-error';
import { PROBLEM_CONTENT_TYPE, problemType, type ProblemDetails } from './problem-details';
import { RequestValidationError } from './request-validation-error';
import { SERVICE_LOGGER } from '../platform.tokens';

/**
 * Turns every error leaving an HTTP handler into RFC 9457 problem+json. Known errors keep their code and
 * safe message; anything else is a 500 that shows only an error id, with the details in the log under it.
 */
@Catch()
export class ProblemExceptionFilter implements ExceptionFilter {
  constructor(@Inject(SERVICE_LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    // Paths can carry identifiers (`/patients/<phone>`): masked like any other text leaving the process.
    const problem = { ...this.toProblem(exception), instance: redactText(request.originalUrl.split('?')[0] ?? '/') };
    if (response.headersSent) return;
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof DomainError) {
      const problem = exception.toProblem();
      return { ...problem, detail: problem.detail === undefined ? undefined : redactText(problem.detail) };
    }
    if (exception instanceof RequestValidationError) {
      return {
        type: problemType('request.invalid'),
        title: 'Request is invalid',
        status: HttpStatus.BAD_REQUEST,
        code: 'request.invalid',
        errors: exception.fields,
      };
    }
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      // Framework-raised client errors: unknown route, malformed JSON body, payload too large.
      const status = exception.getStatus();
      const code = `http.${status}`;
      return { type: problemType(code), title: titleFor(status), status, code };
    }
    const errorId = randomUUID();
    this.logger.error({ err: exception, errorId }, 'unhandled error in HTTP handler');
    return {
      type: problemType('internal'),
      title: 'Internal server error',
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      errorId,
    };
  }
}

function titleFor(status: number): string {
  const name = HttpStatus[status];
  if (typeof name !== 'string') return 'Request failed';
  const words = name.toLowerCase().split('_').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
