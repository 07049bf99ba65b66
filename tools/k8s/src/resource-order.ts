import { objectKey, type KubeObject } from './kube-object';

/** kustomize's legacy output order: what others depend on first, webhooks last, the rest in between. */
const FIRST = [
  'Namespace',
  'ResourceQuota',
  'StorageClass',
  'CustomResourceDefinition',
  'ServiceAccount',
  'PodSecurityPolicy',
  'Role',
  'ClusterRole',
  'RoleBinding',
  'ClusterRoleBinding',
  'ConfigMap',
  'Secret',
  'Endpoints',
  'Service',
  'LimitRange',
  'PriorityClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'Deployment',
  'StatefulSet',
  'CronJob',
  'PodDisruptionBudget',
];
const LAST = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];

export function legacyOrder(objects: readonly KubeObject[]): KubeObject[] {
  return [...objects].sort(
    (a, b) => rank(a) - rank(b) || compare(gvk(a), gvk(b)) || compare(objectKey(a), objectKey(b)),
  );
}

function rank(object: KubeObject): number {
  const first = FIRST.indexOf(object.kind);
  if (first !== -1) return first;
  return LAST.includes(object.kind) ? FIRST.length + 1 + LAST.indexOf(object.kind) : FIRST.length;
}

function gvk(object: KubeObject): string {
  return `${object.apiVersion}/${object.kind}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
