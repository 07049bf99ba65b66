import type { Static, TObject } from '@sinclair/typebox';
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { ConfigValidationError } from './config-error';
import { addConfigFormats } from './formats';
import { resolveEnv } from './secret-files';

/**
 * Validates the environment once at boot against the app's schema and returns the typed config. Collects
 * every problem before failing so an operator fixes them in one go. Values are never echoed, as any of them
 * may be a secret.
 */
export function loadConfig<S extends TObject>(schema: S, env: NodeJS.ProcessEnv): Static<S> {
  const keys = Object.keys(schema.properties);
  const { values, problems } = resolveEnv(keys, env);
  const candidate: Record<string, unknown> = { ...values };
  const validate = compiler().compile(schema);
  if (!validate(candidate)) {
    // A key whose value could not be resolved is already reported; "is required" would only add noise.
    const unresolved = new Set(problems.map((problem) => problem.slice(0, problem.indexOf(':'))));
    const validationProblems = (validate.errors ?? []).map(describe);
    problems.push(...validationProblems.filter((problem) => !unresolved.has(problem.slice(0, problem.indexOf(':')))));
  }
  // A failed union reports once per branch; identical lines are folded.
  const unique = [...new Set(problems)].sort();
  if (unique.length > 0) throw new ConfigValidationError(unique);
  return candidate as Static<S>;
}

let shared: Ajv | undefined;
function compiler(): Ajv {
  if (!shared) {
    shared = new Ajv({ allErrors: true, coerceTypes: true, useDefaults: true, strict: false });
    addFormats(shared);
    addConfigFormats(shared);
  }
  return shared;
}

function describe(error: ErrorObject): string {
  if (error.keyword === 'required') return `${String(error.params['missingProperty'])}: is required`;
  const key = error.instancePath.replace(/^\//, '') || '(root)';
  switch (error.keyword) {
    case 'format':
      return `${key}: must be a valid ${String(error.params['format'])}`;
    case 'type':
      return `${key}: must be ${String(error.params['type'])}`;
    case 'minimum':
    case 'maximum':
      return `${key}: must be ${error.keyword === 'minimum' ? '>=' : '<='} ${String(error.params['limit'])}`;
    case 'const':
    case 'anyOf':
      return `${key}: must be one of the allowed values`;
    default:
      return `${key}: ${error.message ?? 'is invalid'}`;
  }
}
