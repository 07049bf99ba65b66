import { K8sToolError, K8sToolErrorCode } from './k8s-tool.errors';
import { deepClone, isPlainObject } from './kube-object';

/**
 * Merge keys of the core API's associative lists (the `patchMergeKey` of the Kubernetes OpenAPI). Lists
 * not named here, and every list of a custom resource, are replaced whole, as kustomize does without a
 * schema for them.
 */
const MERGE_KEYS: Readonly<Record<string, readonly string[]>> = {
  containers: ['name'],
  initContainers: ['name'],
  ephemeralContainers: ['name'],
  env: ['name'],
  volumes: ['name'],
  volumeMounts: ['mountPath'],
  imagePullSecrets: ['name'],
  hostAliases: ['ip'],
  // Container ports merge on containerPort, Service ports on port.
  ports: ['containerPort', 'port'],
};

const DIRECTIVE = '$patch';

/**
 * Applies a strategic merge patch: maps merge recursively, `null` deletes a field, associative lists merge
 * item by item on their key, `$patch: delete` removes a list item and `$patch: replace` replaces a map.
 */
export function strategicMerge(target: unknown, patch: unknown, associativeLists: boolean): unknown {
  if (!isPlainObject(patch)) return deepClone(patch);
  if (patch[DIRECTIVE] === 'replace') return withoutDirective(patch);
  if (patch[DIRECTIVE] !== undefined) {
    throw new K8sToolError(K8sToolErrorCode.InvalidPatch, `unsupported directive $patch: ${String(patch[DIRECTIVE])}`);
  }
  const result: Record<string, unknown> = isPlainObject(target) ? deepClone(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$')) {
      throw new K8sToolError(K8sToolErrorCode.InvalidPatch, `unsupported strategic merge directive ${key}`);
    }
    if (value === null) {
      delete result[key];
    } else if (Array.isArray(value)) {
      result[key] = mergeList(key, result[key], value, associativeLists);
    } else {
      result[key] = strategicMerge(result[key], value, associativeLists);
    }
  }
  return result;
}

function mergeList(field: string, current: unknown, patch: readonly unknown[], associative: boolean): unknown[] {
  const key = associative ? mergeKeyOf(field, patch) : undefined;
  if (key === undefined || !Array.isArray(current))
    return patch.filter((item) => !isDeleteDirective(item)).map(deepClone);
  const result = current.map(deepClone);
  for (const item of patch) {
    if (!isPlainObject(item)) {
      throw new K8sToolError(K8sToolErrorCode.InvalidPatch, `list "${field}" merges on ${key}: items must be mappings`);
    }
    const index = result.findIndex((existing) => isPlainObject(existing) && existing[key] === item[key]);
    if (isDeleteDirective(item)) {
      if (index !== -1) result.splice(index, 1);
    } else if (index === -1) {
      result.push(strategicMerge(undefined, item, associative));
    } else {
      result[index] = strategicMerge(result[index], item, associative);
    }
  }
  return result;
}

function mergeKeyOf(field: string, patch: readonly unknown[]): string | undefined {
  const candidates = MERGE_KEYS[field];
  if (!candidates) return undefined;
  return candidates.find((key) => patch.every((item) => isPlainObject(item) && item[key] !== undefined));
}

function isDeleteDirective(item: unknown): boolean {
  return isPlainObject(item) && item[DIRECTIVE] === 'delete';
}

function withoutDirective(patch: Record<string, unknown>): Record<string, unknown> {
  const { [DIRECTIVE]: _directive, ...rest } = patch;
  return deepClone(rest);
}
