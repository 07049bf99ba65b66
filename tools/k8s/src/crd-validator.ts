import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { crdSchemaFileName } from './crd-schemas';
import { groupOf, isPlainObject, versionOf, type KubeObject } from './kube-object';

/**
 * Validates custom resources against the CRD schemas vendored in k8s/schemas/. Stricter than the API
 * server on one point on purpose: unknown fields are errors (the server would silently prune them, so a
 * typo in a manifest would vanish without a trace). CEL rules (x-kubernetes-validations) are not evaluated.
 */
export class CrdValidator {
  constructor(private readonly schemaDir: string) {}

  /** `undefined` when no schema is vendored for the object's group, kind and version. */
  validate(object: KubeObject): string[] | undefined {
    const validate = this.validatorFor(object);
    if (!validate) return undefined;
    return validate(object) ? [] : (validate.errors ?? []).map(describeError);
  }

  private validatorFor(object: KubeObject): ValidateFunction | undefined {
    const file = path.join(
      this.schemaDir,
      crdSchemaFileName({
        group: groupOf(object.apiVersion),
        kind: object.kind,
        version: versionOf(object.apiVersion),
      }),
    );
    if (!compiledByFile.has(file)) {
      const schema: unknown = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
      compiledByFile.set(file, isPlainObject(schema) ? sharedAjv().compile(closeObjects(schema)) : undefined);
    }
    return compiledByFile.get(file);
  }
}

// Compiling Strimzi's Kafka schema takes seconds: each schema file is compiled once per process.
const compiledByFile = new Map<string, ValidateFunction | undefined>();
let ajv: Ajv | undefined;

function sharedAjv(): Ajv {
  if (!ajv) {
    // Code optimisation makes compiling these large schemas several times slower and buys nothing for the
    // hundred-odd objects a render holds.
    ajv = new Ajv({ allErrors: true, strict: false, logger: false, code: { optimize: false } });
    addFormats(ajv);
    // OpenAPI numeric formats: the type keyword already checks integer-ness; the range is the server's job.
    for (const format of ['int32', 'int64', 'double', 'float']) ajv.addFormat(format, true);
  }
  return ajv;
}

/** Sets `additionalProperties: false` wherever a structural schema lists properties and keeps no unknowns. */
export function closeObjects(schema: Record<string, unknown>): Record<string, unknown>;
export function closeObjects(schema: unknown): unknown;
export function closeObjects(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closeObjects);
  if (!isPlainObject(schema)) return schema;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    // Inside `properties` the keys are field names, not keywords: recurse into each field's schema.
    result[key] =
      key === 'properties' && isPlainObject(value)
        ? Object.fromEntries(Object.entries(value).map(([field, child]) => [field, closeObjects(child)]))
        : closeObjects(value);
  }
  const closable =
    isPlainObject(schema['properties']) &&
    schema['additionalProperties'] === undefined &&
    schema['x-kubernetes-preserve-unknown-fields'] !== true;
  if (closable) result['additionalProperties'] = false;
  return result;
}

function describeError(error: ErrorObject): string {
  const at = error.instancePath || '/';
  if (error.keyword === 'additionalProperties') {
    return `${at}: unknown field "${String(error.params['additionalProperty'])}"`;
  }
  return `${at}: ${error.message ?? error.keyword}`;
}
