import type { ImageEntry, LabelsEntry } from './kustomization';
import { isPlainObject, type KubeObject } from './kube-object';

/** Kinds without a namespace among those a kustomization may carry. */
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PersistentVolume',
  'StorageClass',
  'PriorityClass',
  'IngressClass',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'ClusterImageCatalog',
  'ClusterTriggerAuthentication',
]);

export function isNamespaced(object: KubeObject): boolean {
  return !CLUSTER_SCOPED.has(object.kind);
}

export function setNamespace(object: KubeObject, namespace: string): void {
  if (isNamespaced(object)) object.metadata.namespace = namespace;
}

/** Pod template label paths kustomize's `includeTemplates` writes, per workload kind. */
const TEMPLATE_LABEL_PATHS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  Deployment: [['spec', 'template', 'metadata', 'labels']],
  StatefulSet: [['spec', 'template', 'metadata', 'labels']],
  DaemonSet: [['spec', 'template', 'metadata', 'labels']],
  ReplicaSet: [['spec', 'template', 'metadata', 'labels']],
  ReplicationController: [['spec', 'template', 'metadata', 'labels']],
  Job: [['spec', 'template', 'metadata', 'labels']],
  CronJob: [
    ['spec', 'jobTemplate', 'metadata', 'labels'],
    ['spec', 'jobTemplate', 'spec', 'template', 'metadata', 'labels'],
  ],
};

export function addLabels(object: KubeObject, entry: LabelsEntry): void {
  object.metadata.labels = { ...(object.metadata.labels ?? {}), ...entry.pairs };
  if (!entry.includeTemplates) return;
  for (const path of TEMPLATE_LABEL_PATHS[object.kind] ?? []) {
    const labels = ensureMap(object, path);
    Object.assign(labels, entry.pairs);
  }
  // PersistentVolumeClaims a StatefulSet creates carry the labels too, as kustomize writes them.
  const claims =
    object.kind === 'StatefulSet' && isPlainObject(object['spec']) ? object['spec']['volumeClaimTemplates'] : [];
  for (const claim of Array.isArray(claims) ? claims.filter(isPlainObject) : []) {
    Object.assign(ensureMap(claim, ['metadata', 'labels']), entry.pairs);
  }
}

function ensureMap(root: Record<string, unknown>, path: readonly string[]): Record<string, unknown> {
  let current = root;
  for (const key of path) {
    const next = current[key];
    if (isPlainObject(next)) {
      current = next;
    } else {
      const created: Record<string, unknown> = {};
      current[key] = created;
      current = created;
    }
  }
  return current;
}

/** Rewrites `image` of every container and init container, wherever the object nests them. */
export function setImages(object: KubeObject, entries: readonly ImageEntry[]): void {
  visitContainers(object, (container) => {
    const image = container['image'];
    if (typeof image !== 'string') return;
    const entry = entries.find((candidate) => parseImage(image).name === candidate.name);
    if (entry) container['image'] = rewriteImage(image, entry);
  });
}

export function visitContainers(value: unknown, visit: (container: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) visitContainers(item, visit);
    return;
  }
  if (!isPlainObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if ((key === 'containers' || key === 'initContainers') && Array.isArray(child)) {
      for (const container of child) if (isPlainObject(container)) visit(container);
    }
    visitContainers(child, visit);
  }
}

export interface ImageReference {
  readonly name: string;
  readonly tag?: string;
  readonly digest?: string;
}

/** `registry:5000/a/b:1.2@sha256:..` -> name `registry:5000/a/b`, tag `1.2`, digest `sha256:..`. */
export function parseImage(image: string): ImageReference {
  const at = image.indexOf('@');
  const digest = at === -1 ? undefined : image.slice(at + 1);
  const withoutDigest = at === -1 ? image : image.slice(0, at);
  const colon = withoutDigest.lastIndexOf(':');
  const hasTag = colon > withoutDigest.lastIndexOf('/');
  return {
    name: hasTag ? withoutDigest.slice(0, colon) : withoutDigest,
    ...(hasTag ? { tag: withoutDigest.slice(colon + 1) } : {}),
    ...(digest === undefined ? {} : { digest }),
  };
}

function rewriteImage(image: string, entry: ImageEntry): string {
  const current = parseImage(image);
  const name = entry.newName ?? current.name;
  if (entry.digest !== undefined) return `${name}@${entry.digest}`;
  if (entry.newTag !== undefined) return `${name}:${entry.newTag}`;
  if (current.digest !== undefined) return `${name}${current.tag ? `:${current.tag}` : ''}@${current.digest}`;
  return current.tag === undefined ? name : `${name}:${current.tag}`;
}
