import { K8sToolError, K8sToolErrorCode } from './k8s-tool.errors';
import { isPlainObject } from './kube-object';

/** The kustomize fields this renderer implements; any other field is refused rather than ignored. */
export interface Kustomization {
  readonly resources: readonly string[];
  readonly namespace?: string;
  readonly labels: readonly LabelsEntry[];
  readonly images: readonly ImageEntry[];
  readonly patches: readonly PatchEntry[];
  readonly configMapGenerator: readonly ConfigMapGeneratorEntry[];
  readonly generatorOptions: GeneratorOptions;
}

export interface LabelsEntry {
  readonly pairs: Readonly<Record<string, string>>;
  readonly includeTemplates: boolean;
}

export interface ImageEntry {
  readonly name: string;
  readonly newName?: string;
  readonly newTag?: string;
  readonly digest?: string;
}

export interface PatchTarget {
  readonly group?: string;
  readonly version?: string;
  readonly kind?: string;
  readonly name?: string;
  readonly namespace?: string;
  readonly labelSelector?: string;
}

export interface PatchEntry {
  readonly path?: string;
  readonly patch?: string;
  readonly target?: PatchTarget;
}

export type GeneratorBehavior = 'create' | 'merge' | 'replace';

export interface ConfigMapGeneratorEntry {
  readonly name: string;
  readonly namespace?: string;
  readonly behavior: GeneratorBehavior;
  readonly literals: readonly string[];
  readonly envs: readonly string[];
  readonly files: readonly string[];
  readonly disableNameSuffixHash?: boolean;
}

export interface GeneratorOptions {
  readonly disableNameSuffixHash: boolean;
}

const TYPE_FIELDS = new Set(['apiVersion', 'kind']);
const SUPPORTED = new Set([
  'resources',
  'namespace',
  'labels',
  'images',
  'patches',
  'configMapGenerator',
  'generatorOptions',
]);

/** Reads a parsed kustomization.yaml, refusing fields outside the supported subset. */
export function parseKustomization(raw: Record<string, unknown>, origin: string): Kustomization {
  const fail = (message: string): never => {
    throw new K8sToolError(K8sToolErrorCode.InvalidKustomization, `${origin}: ${message}`);
  };
  for (const field of Object.keys(raw)) {
    if (TYPE_FIELDS.has(field) || SUPPORTED.has(field)) continue;
    throw new K8sToolError(
      K8sToolErrorCode.UnsupportedKustomizeFeature,
      `${origin}: "${field}" is not supported by this renderer (supported: ${[...SUPPORTED].join(', ')})`,
    );
  }
  const namespace = optionalString(raw['namespace'], 'namespace', fail);
  return {
    resources: stringList(raw['resources'], 'resources', fail),
    ...(namespace === undefined ? {} : { namespace }),
    labels: objectList(raw['labels'], 'labels', fail).map((entry) => parseLabels(entry, fail)),
    images: objectList(raw['images'], 'images', fail).map((entry) => parseImage(entry, fail)),
    patches: objectList(raw['patches'], 'patches', fail).map((entry) => parsePatch(entry, fail)),
    configMapGenerator: objectList(raw['configMapGenerator'], 'configMapGenerator', fail).map((entry) =>
      parseConfigMapGenerator(entry, fail),
    ),
    generatorOptions: parseGeneratorOptions(raw['generatorOptions'], fail),
  };
}

type Fail = (message: string) => never;

function parseLabels(entry: Record<string, unknown>, fail: Fail): LabelsEntry {
  if (entry['includeSelectors'] === true) fail('labels.includeSelectors is not supported: selectors are immutable');
  const pairs = entry['pairs'];
  if (!isPlainObject(pairs) || !Object.values(pairs).every((value) => typeof value === 'string')) {
    fail('labels[].pairs must map strings to strings');
  }
  return { pairs: pairs as Record<string, string>, includeTemplates: entry['includeTemplates'] === true };
}

function parseImage(entry: Record<string, unknown>, fail: Fail): ImageEntry {
  const name = requiredString(entry['name'], 'images[].name', fail);
  const newName = optionalString(entry['newName'], 'images[].newName', fail);
  const newTag = optionalString(entry['newTag'], 'images[].newTag', fail);
  const digest = optionalString(entry['digest'], 'images[].digest', fail);
  if (newTag !== undefined && digest !== undefined) fail(`images "${name}": set newTag or digest, not both`);
  return {
    name,
    ...(newName === undefined ? {} : { newName }),
    ...(newTag === undefined ? {} : { newTag }),
    ...(digest === undefined ? {} : { digest }),
  };
}

function parsePatch(entry: Record<string, unknown>, fail: Fail): PatchEntry {
  const path = optionalString(entry['path'], 'patches[].path', fail);
  const patch = optionalString(entry['patch'], 'patches[].patch', fail);
  if ((path === undefined) === (patch === undefined)) fail('patches[] needs exactly one of path or patch');
  const rawTarget = entry['target'];
  if (entry['options'] !== undefined) fail('patches[].options is not supported');
  if (rawTarget !== undefined && !isPlainObject(rawTarget)) fail('patches[].target must be a mapping');
  const target = rawTarget === undefined ? undefined : parseTarget(rawTarget as Record<string, unknown>, fail);
  return {
    ...(path === undefined ? {} : { path }),
    ...(patch === undefined ? {} : { patch }),
    ...(target === undefined ? {} : { target }),
  };
}

function parseTarget(raw: Record<string, unknown>, fail: Fail): PatchTarget {
  const target: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!['group', 'version', 'kind', 'name', 'namespace', 'labelSelector'].includes(key)) {
      fail(`patches[].target.${key} is not supported`);
    }
    target[key] = requiredString(value, `patches[].target.${key}`, fail);
  }
  return target;
}

function parseConfigMapGenerator(entry: Record<string, unknown>, fail: Fail): ConfigMapGeneratorEntry {
  const name = requiredString(entry['name'], 'configMapGenerator[].name', fail);
  const behavior = entry['behavior'] ?? 'create';
  if (behavior !== 'create' && behavior !== 'merge' && behavior !== 'replace') {
    fail(`configMapGenerator "${name}": behavior must be create, merge or replace`);
  }
  const options = entry['options'];
  if (options !== undefined && !isPlainObject(options)) fail(`configMapGenerator "${name}": options must be a mapping`);
  const disable = isPlainObject(options) ? options['disableNameSuffixHash'] : undefined;
  const namespace = optionalString(entry['namespace'], 'configMapGenerator[].namespace', fail);
  return {
    name,
    ...(namespace === undefined ? {} : { namespace }),
    behavior: behavior as GeneratorBehavior,
    literals: stringList(entry['literals'], `configMapGenerator "${name}".literals`, fail),
    envs: stringList(entry['envs'], `configMapGenerator "${name}".envs`, fail),
    files: stringList(entry['files'], `configMapGenerator "${name}".files`, fail),
    ...(typeof disable === 'boolean' ? { disableNameSuffixHash: disable } : {}),
  };
}

function parseGeneratorOptions(raw: unknown, fail: Fail): GeneratorOptions {
  if (raw === undefined) return { disableNameSuffixHash: false };
  if (!isPlainObject(raw)) return fail('generatorOptions must be a mapping');
  for (const key of Object.keys(raw)) {
    if (key !== 'disableNameSuffixHash') fail(`generatorOptions.${key} is not supported`);
  }
  return { disableNameSuffixHash: raw['disableNameSuffixHash'] === true };
}

function stringList(value: unknown, field: string, fail: Fail): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    return fail(`${field} must be a list of strings`);
  }
  return value;
}

function objectList(value: unknown, field: string, fail: Fail): Record<string, unknown>[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every(isPlainObject)) return fail(`${field} must be a list of mappings`);
  return value;
}

function requiredString(value: unknown, field: string, fail: Fail): string {
  if (typeof value !== 'string' || value === '') return fail(`${field} must be a non-empty string`);
  return value;
}

function optionalString(value: unknown, field: string, fail: Fail): string | undefined {
  return value === undefined ? undefined : requiredString(value, field, fail);
}
