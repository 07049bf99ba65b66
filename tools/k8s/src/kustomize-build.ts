import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import { configMapHash, configMapOf, generatorData } from './config-map-generator';
import { applyJsonPatch, parseJsonPatch, type JsonPatchOperation } from './json-patch';
import { K8sToolError, K8sToolErrorCode } from './k8s-tool.errors';
import { parseKustomization, type ConfigMapGeneratorEntry, type Kustomization, type PatchEntry } from './kustomization';
import { groupOf, isKubeObject, isPlainObject, objectKey, type KubeObject } from './kube-object';
import { matchesTarget } from './patch-target';
import { renameConfigMapReferences } from './name-references';
import { legacyOrder } from './resource-order';
import { strategicMerge } from './strategic-merge';
import { addLabels, setImages, setNamespace } from './transformers';
import { parseYamlDocuments } from './yaml-documents';

const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** A resource while it is built; a generated ConfigMap keeps its plain name until the final hash. */
interface BuildItem {
  object: KubeObject;
  readonly generated?: { readonly hashSuffix: boolean };
}

/**
 * Renders a kustomization directory the way `kubectl kustomize` does for the subset Revisit uses
 * (resources, namespace, labels, images, patches, configMapGenerator). Pure Node: air-gapped clusters
 * often have no kustomize binary, and CI must not download one.
 */
export function renderKustomization(directory: string): KubeObject[] {
  const items = build(path.resolve(directory), []);
  return legacyOrder(finaliseGeneratedNames(items));
}

function build(directory: string, stack: readonly string[]): BuildItem[] {
  if (stack.includes(directory)) {
    throw new K8sToolError(K8sToolErrorCode.InvalidKustomization, `cycle: ${[...stack, directory].join(' -> ')}`);
  }
  const kustomization = readKustomization(directory);
  const items: BuildItem[] = [];
  for (const resource of kustomization.resources) {
    items.push(...loadResource(path.resolve(directory, resource), [...stack, directory]));
  }
  for (const generator of kustomization.configMapGenerator) {
    applyGenerator(items, generator, directory, kustomization.generatorOptions.disableNameSuffixHash);
  }
  assertUnique(items, directory);
  for (const patch of kustomization.patches) applyPatch(items, patch, directory);
  for (const item of items) {
    if (kustomization.namespace !== undefined) setNamespace(item.object, kustomization.namespace);
    for (const entry of kustomization.labels) addLabels(item.object, entry);
    setImages(item.object, kustomization.images);
  }
  return items;
}

function readKustomization(directory: string): Kustomization {
  const file = KUSTOMIZATION_FILES.map((name) => path.join(directory, name)).find((candidate) => existsSync(candidate));
  if (!file) {
    throw new K8sToolError(K8sToolErrorCode.MissingResource, `${directory}: no kustomization.yaml`);
  }
  const raw: unknown = parseYaml(readFileSync(file, 'utf8'));
  if (!isPlainObject(raw)) throw new K8sToolError(K8sToolErrorCode.InvalidKustomization, `${file}: not a mapping`);
  return parseKustomization(raw, file);
}

function loadResource(target: string, stack: readonly string[]): BuildItem[] {
  if (!existsSync(target)) throw new K8sToolError(K8sToolErrorCode.MissingResource, `${target} does not exist`);
  if (statSync(target).isDirectory()) return build(target, stack);
  return parseYamlDocuments(readFileSync(target, 'utf8'), target).map((document) => {
    if (!isKubeObject(document)) {
      throw new K8sToolError(
        K8sToolErrorCode.InvalidYaml,
        `${target}: every document needs apiVersion, kind and metadata.name`,
      );
    }
    return { object: document };
  });
}

function applyGenerator(
  items: BuildItem[],
  generator: ConfigMapGeneratorEntry,
  directory: string,
  disableHashByDefault: boolean,
): void {
  const data = generatorData(generator, directory);
  const existing = items.find(
    (item) =>
      item.object.kind === 'ConfigMap' &&
      item.object.metadata.name === generator.name &&
      (generator.namespace === undefined || item.object.metadata.namespace === generator.namespace),
  );
  if (generator.behavior === 'create') {
    const object = configMapOf(generator.name, data);
    if (generator.namespace !== undefined) object.metadata.namespace = generator.namespace;
    items.push({ object, generated: { hashSuffix: !(generator.disableNameSuffixHash ?? disableHashByDefault) } });
    return;
  }
  if (!existing) {
    throw new K8sToolError(
      K8sToolErrorCode.PatchTargetNotFound,
      `${directory}: configMapGenerator "${generator.name}" (${generator.behavior}) has no ConfigMap to ${generator.behavior}`,
    );
  }
  const current = isPlainObject(existing.object['data']) ? (existing.object['data'] as Record<string, string>) : {};
  existing.object['data'] = generator.behavior === 'merge' ? { ...current, ...data } : data;
}

function assertUnique(items: readonly BuildItem[], directory: string): void {
  const seen = new Set<string>();
  for (const { object } of items) {
    const key = `${groupOf(object.apiVersion)}:${objectKey(object)}`;
    if (seen.has(key)) {
      throw new K8sToolError(K8sToolErrorCode.DuplicateResource, `${directory}: ${objectKey(object)} appears twice`);
    }
    seen.add(key);
  }
}

function applyPatch(items: BuildItem[], entry: PatchEntry, directory: string): void {
  const origin = entry.path ? path.join(directory, entry.path) : `${directory} (inline patch)`;
  const text = entry.path ? readFileSync(path.join(directory, entry.path), 'utf8') : (entry.patch ?? '');
  const operations = jsonPatchIn(text, origin);
  if (operations) {
    if (!entry.target)
      throw new K8sToolError(K8sToolErrorCode.InvalidPatch, `${origin}: a JSON 6902 patch needs a target`);
    const targets = matching(items, (object) => matchesTarget(object, entry.target ?? {}), origin);
    for (const item of targets) item.object = applyJsonPatch(item.object, operations);
    return;
  }
  const documents = parseYamlDocuments(text, origin);
  for (const patch of documents) {
    const targets = matching(
      items,
      (object) => (entry.target ? matchesTarget(object, entry.target) : isSmpTarget(object, patch)),
      origin,
    );
    if (patch['$patch'] === 'delete') {
      // A whole-resource delete: how an overlay drops something its base declares.
      for (const item of targets) items.splice(items.indexOf(item), 1);
      continue;
    }
    for (const item of targets) {
      const merged = strategicMerge(item.object, patch, hasCoreSchema(item.object));
      if (!isKubeObject(merged)) throw new K8sToolError(K8sToolErrorCode.InvalidPatch, `${origin}: removed type meta`);
      item.object = merged;
    }
  }
}

/** A patch file holding one YAML list is RFC 6902; anything else is a strategic merge patch. */
function jsonPatchIn(text: string, origin: string): JsonPatchOperation[] | undefined {
  const documents = parseAllDocuments(text);
  if (documents.length !== 1 || documents[0]?.errors.length) return undefined;
  const value: unknown = documents[0]?.toJS();
  return Array.isArray(value) ? parseJsonPatch(value, origin) : undefined;
}

function matching(items: BuildItem[], predicate: (object: KubeObject) => boolean, origin: string): BuildItem[] {
  const found = items.filter((item) => predicate(item.object));
  if (found.length === 0)
    throw new K8sToolError(K8sToolErrorCode.PatchTargetNotFound, `${origin}: matches no resource`);
  return found;
}

function isSmpTarget(object: KubeObject, patch: Record<string, unknown>): boolean {
  const metadata = isPlainObject(patch['metadata']) ? patch['metadata'] : {};
  return (
    patch['kind'] === object.kind &&
    metadata['name'] === object.metadata.name &&
    (typeof patch['apiVersion'] !== 'string' || groupOf(patch['apiVersion']) === groupOf(object.apiVersion)) &&
    (metadata['namespace'] === undefined || metadata['namespace'] === object.metadata.namespace)
  );
}

/** Built-in API groups carry merge keys for their lists; custom resources have none, so lists replace. */
function hasCoreSchema(object: KubeObject): boolean {
  const group = groupOf(object.apiVersion);
  return group === '' || !group.includes('.') || group.endsWith('.k8s.io');
}

function finaliseGeneratedNames(items: readonly BuildItem[]): KubeObject[] {
  const renames = new Map<string, string>();
  for (const { object, generated } of items) {
    if (!generated?.hashSuffix) continue;
    const data = isPlainObject(object['data']) ? (object['data'] as Record<string, string>) : {};
    const hashed = `${object.metadata.name}-${configMapHash(data)}`;
    renames.set(`${object.metadata.namespace ?? ''}/${object.metadata.name}`, hashed);
    object.metadata.name = hashed;
  }
  const objects = items.map((item) => item.object);
  for (const object of objects) renameConfigMapReferences(object, renames);
  return objects;
}
