import { K8sToolError, K8sToolErrorCode } from './k8s-tool.errors';
import { isPlainObject } from './kube-object';
import { parseYamlDocuments } from './yaml-documents';

/** The structural schema of one served version of a custom resource, as vendored under k8s/schemas/. */
export interface CrdSchema {
  readonly group: string;
  readonly kind: string;
  readonly version: string;
  readonly schema: Record<string, unknown>;
}

/**
 * Pulls `openAPIV3Schema` of every served version out of published CRD YAML. Descriptions are dropped:
 * they are most of the bytes and validation never reads them (the operators' docs keep them).
 */
export function extractCrdSchemas(crdYaml: string, origin: string): CrdSchema[] {
  return parseYamlDocuments(crdYaml, origin).flatMap((document) => {
    if (document['kind'] !== 'CustomResourceDefinition') return [];
    const spec = document['spec'];
    if (!isPlainObject(spec) || typeof spec['group'] !== 'string' || !Array.isArray(spec['versions'])) {
      throw new K8sToolError(K8sToolErrorCode.InvalidCrd, `${origin}: CRD without spec.group or spec.versions`);
    }
    const names = spec['names'];
    const kind = isPlainObject(names) ? names['kind'] : undefined;
    if (typeof kind !== 'string') throw new K8sToolError(K8sToolErrorCode.InvalidCrd, `${origin}: CRD without kind`);
    const group = spec['group'];
    return spec['versions'].flatMap((version: unknown) => {
      if (!isPlainObject(version) || version['served'] !== true || typeof version['name'] !== 'string') return [];
      const validation = version['schema'];
      const schema = isPlainObject(validation) ? validation['openAPIV3Schema'] : undefined;
      if (!isPlainObject(schema)) {
        throw new K8sToolError(K8sToolErrorCode.InvalidCrd, `${origin}: ${kind} ${version['name']} has no schema`);
      }
      return [{ group, kind, version: version['name'], schema: withoutDescriptions(schema) }];
    });
  });
}

/** `k8s/schemas/<group>/<kind>_<version>.json`, lower-case kind, as the validator looks it up. */
export function crdSchemaFileName(schema: Pick<CrdSchema, 'group' | 'kind' | 'version'>): string {
  return `${schema.group}/${schema.kind.toLowerCase()}_${schema.version}.json`;
}

function withoutDescriptions(schema: Record<string, unknown>): Record<string, unknown> {
  return stripKey(schema, 'description') as Record<string, unknown>;
}

function stripKey(value: unknown, key: string): unknown {
  if (Array.isArray(value)) return value.map((item) => stripKey(item, key));
  if (!isPlainObject(value)) return value;
  const result: Record<string, unknown> = {};
  for (const [name, child] of Object.entries(value)) {
    // `properties.description` is a field named "description", not documentation: keep it.
    if (name === key && typeof child === 'string') continue;
    result[name] = stripKey(child, key);
  }
  return result;
}
