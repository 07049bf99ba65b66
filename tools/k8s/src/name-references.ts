import { isPlainObject, type KubeObject } from './kube-object';

/** Kinds whose pod specs kustomize rewrites when a generated ConfigMap gets its hash suffix. */
const WORKLOAD_KINDS = new Set(['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob']);
/** Fields that name a ConfigMap: env valueFrom, envFrom, volumes (plain and projected). */
const REFERENCE_FIELDS = new Set(['configMapKeyRef', 'configMapRef', 'configMap']);

/** `renames` maps `<namespace>/<name>` to the hashed name; references resolve in the object's namespace. */
export function renameConfigMapReferences(object: KubeObject, renames: ReadonlyMap<string, string>): void {
  if (!WORKLOAD_KINDS.has(object.kind) || renames.size === 0) return;
  const namespace = object.metadata.namespace ?? '';
  visit(object['spec'], (reference) => {
    const name = reference['name'];
    if (typeof name !== 'string') return;
    const renamed = renames.get(`${namespace}/${name}`);
    if (renamed) reference['name'] = renamed;
  });
}

function visit(value: unknown, onReference: (reference: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) visit(item, onReference);
    return;
  }
  if (!isPlainObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if (REFERENCE_FIELDS.has(key) && isPlainObject(child)) onReference(child);
    visit(child, onReference);
  }
}
