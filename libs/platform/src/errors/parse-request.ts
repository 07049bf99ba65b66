import type { Static, TSchema } from '@sinclair/typebox';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { RequestValidationError } from './request-validation-error';

const ajv = addFormats(new Ajv({ allErrors: true, coerceTypes: false, useDefaults: true, strict: false }));
const compiled = new WeakMap<TSchema, ValidateFunction>();

/**
 * Validates a request body (or query) against its TypeBox schema and returns it typed, or throws a
 * RequestValidationError listing every offending field. Messages name the rule, never the value.
 */
export function parseRequest<S extends TSchema>(schema: S, value: unknown): Static<S> {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (validate(value)) return value as Static<S>;
  throw new RequestValidationError((validate.errors ?? []).map(toFieldProblem));
}

function toFieldProblem(error: ErrorObject): { field: string; message: string } {
  if (error.keyword === 'required') {
    return { field: `${error.instancePath}/${String(error.params['missingProperty'])}`, message: 'is required' };
  }
  if (error.keyword === 'additionalProperties') {
    return { field: `${error.instancePath}/${String(error.params['additionalProperty'])}`, message: 'is not allowed' };
  }
  return { field: error.instancePath || '/', message: error.message ?? 'is invalid' };
}
