import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { LineCounter, parseDocument } from 'yaml';
import { PlanErrorCode, type PlanIssue, PlanValidationError } from './plan.errors';
import planSchema from './plan.schema.json';
import { type PlanDocument } from './plan.types';
import { semanticIssues } from './plan-semantics';
import { positionOf, toPosition } from './yaml-locations';

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const validateSchema = ajv.compile<PlanDocument>(planSchema);

export { planSchema };

function schemaMessage(error: ErrorObject): { message: string; property?: string } {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return {
        message: `unknown property "${String(params['additionalProperty'])}"`,
        property: String(params['additionalProperty']),
      };
    case 'required':
      return { message: `missing required property "${String(params['missingProperty'])}"` };
    case 'enum':
      return { message: `must be one of ${JSON.stringify(params['allowedValues'])}` };
    default:
      return { message: error.message ?? error.keyword };
  }
}

/**
 * Parses and validates a plan YAML document. Every problem carries the 1-based line and column of the
 * offending node (yaml's CST positions through a LineCounter), so an administrator can fix the file.
 */
export function parsePlan(text: string, source = 'plan.yaml'): PlanDocument {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    const issues = document.errors.map((error): PlanIssue => {
      const position = toPosition(lineCounter, error.pos[0]);
      return {
        code: PlanErrorCode.YamlSyntax,
        ...position,
        path: '',
        message: error.message.split('\n')[0] ?? error.code,
      };
    });
    throw new PlanValidationError(source, issues);
  }
  const value: unknown = document.toJS();
  if (!validateSchema(value)) {
    const issues = (validateSchema.errors ?? []).map((error): PlanIssue => {
      const { message, property } = schemaMessage(error);
      const position = positionOf(document, lineCounter, error.instancePath, property);
      return { code: PlanErrorCode.SchemaViolation, ...position, path: error.instancePath, message };
    });
    throw new PlanValidationError(source, dedupe(issues));
  }
  const semantic = semanticIssues(value);
  if (semantic.length > 0) {
    throw new PlanValidationError(
      source,
      semantic.map((issue) => ({ ...issue, ...positionOf(document, lineCounter, issue.path) })),
    );
  }
  return value;
}

function dedupe(issues: PlanIssue[]): PlanIssue[] {
  const seen = new Set<string>();
  return issues
    .filter((issue) => {
      const key = `${issue.line}:${issue.column}:${issue.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.line - b.line || a.column - b.column);
}
