import { K8sToolError, K8sToolErrorCode } from './k8s-tool.errors';
import { deepClone, isPlainObject } from './kube-object';

export interface JsonPatchOperation {
  readonly op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  readonly path: string;
  readonly value?: unknown;
  readonly from?: string;
}

const OPS = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test']);

export function parseJsonPatch(value: unknown, origin: string): JsonPatchOperation[] {
  if (!Array.isArray(value)) throw invalid(`${origin}: a JSON patch is a list of operations`);
  return value.map((operation, index) => {
    if (!isPlainObject(operation) || typeof operation['op'] !== 'string' || !OPS.has(operation['op'])) {
      throw invalid(`${origin}[${index}]: op must be one of ${[...OPS].join(', ')}`);
    }
    if (typeof operation['path'] !== 'string') throw invalid(`${origin}[${index}]: path must be a string`);
    const needsFrom = operation['op'] === 'move' || operation['op'] === 'copy';
    if (needsFrom && typeof operation['from'] !== 'string') throw invalid(`${origin}[${index}]: from is required`);
    return operation as unknown as JsonPatchOperation;
  });
}

/** RFC 6902 on a copy of the document; any failing operation rejects the whole patch. */
export function applyJsonPatch<T>(document: T, operations: readonly JsonPatchOperation[]): T {
  let result: unknown = deepClone(document);
  for (const operation of operations) result = applyOne(result, operation);
  return result as T;
}

function applyOne(document: unknown, operation: JsonPatchOperation): unknown {
  switch (operation.op) {
    case 'add':
      return add(document, pointer(operation.path), deepClone(operation.value));
    case 'remove':
      return remove(document, pointer(operation.path));
    case 'replace':
      get(document, pointer(operation.path));
      return add(remove(document, pointer(operation.path)), pointer(operation.path), deepClone(operation.value));
    case 'move': {
      const from = pointer(operation.from ?? '');
      const value = get(document, from);
      return add(remove(document, from), pointer(operation.path), value);
    }
    case 'copy':
      return add(document, pointer(operation.path), deepClone(get(document, pointer(operation.from ?? ''))));
    case 'test':
      if (JSON.stringify(get(document, pointer(operation.path))) !== JSON.stringify(operation.value)) {
        throw invalid(`test failed at ${operation.path}`);
      }
      return document;
  }
}

function pointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw invalid(`"${path}" is not a JSON pointer`);
  return path
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function get(document: unknown, tokens: readonly string[]): unknown {
  let current = document;
  for (const token of tokens) {
    if (Array.isArray(current)) current = current[arrayIndex(current, token, false)];
    else if (isPlainObject(current) && token in current) current = current[token];
    else throw invalid(`path /${tokens.join('/')} does not exist`);
  }
  return current;
}

function add(document: unknown, tokens: readonly string[], value: unknown): unknown {
  if (tokens.length === 0) return value;
  const parent = get(document, tokens.slice(0, -1));
  const last = tokens[tokens.length - 1] as string;
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, last, true), 0, value);
  else if (isPlainObject(parent)) parent[last] = value;
  else throw invalid(`cannot add under /${tokens.slice(0, -1).join('/')}`);
  return document;
}

function remove(document: unknown, tokens: readonly string[]): unknown {
  if (tokens.length === 0) throw invalid('cannot remove the whole document');
  const parent = get(document, tokens.slice(0, -1));
  const last = tokens[tokens.length - 1] as string;
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, last, false), 1);
  else if (isPlainObject(parent) && last in parent) delete parent[last];
  else throw invalid(`path /${tokens.join('/')} does not exist`);
  return document;
}

function arrayIndex(list: readonly unknown[], token: string, forInsert: boolean): number {
  if (token === '-' && forInsert) return list.length;
  if (!/^(0|[1-9]\d*)$/.test(token)) throw invalid(`"${token}" is not an array index`);
  const index = Number(token);
  if (index > list.length || (!forInsert && index === list.length)) throw invalid(`index ${token} is out of range`);
  return index;
}

function invalid(message: string): K8sToolError {
  return new K8sToolError(K8sToolErrorCode.InvalidPatch, message);
}
