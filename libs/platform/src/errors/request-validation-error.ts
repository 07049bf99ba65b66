import type { FieldProblem } from './problem-details';

/** Thrown by HTTP edges when a request does not match its schema; becomes a 400 listing each field. */
export class RequestValidationError extends Error {
  constructor(readonly fields: readonly FieldProblem[]) {
    super(`request is invalid (${fields.length} field${fields.length === 1 ? '' : 's'})`);
    this.name = 'RequestValidationError';
  }
}
