import { isPlainObject, type KubeObject } from './kube-object';

export type Json = Record<string, unknown>;

const LONG_RUNNING = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);
const RUN_TO_COMPLETION = new Set(['Job']);

export interface Workload {
  readonly object: KubeObject;
  readonly podSpec: Json;
  readonly podLabels: Readonly<Record<string, string>>;
  /** Long-running pods need probes; Jobs run to completion and have none. */
  readonly longRunning: boolean;
}

export function workloadOf(object: KubeObject): Workload | undefined {
  if (!LONG_RUNNING.has(object.kind) && !RUN_TO_COMPLETION.has(object.kind)) return undefined;
  const template = at(object, ['spec', 'template']);
  const podSpec = at(template, ['spec']);
  if (!isPlainObject(podSpec)) return undefined;
  const labels = at(template, ['metadata', 'labels']);
  return {
    object,
    podSpec,
    podLabels: isPlainObject(labels) ? (labels as Record<string, string>) : {},
    longRunning: LONG_RUNNING.has(object.kind),
  };
}

export function containersOf(podSpec: Json): Json[] {
  return ['initContainers', 'containers'].flatMap((field) => {
    const list = podSpec[field];
    return Array.isArray(list) ? list.filter(isPlainObject) : [];
  });
}

export function mainContainersOf(podSpec: Json): Json[] {
  const list = podSpec['containers'];
  return Array.isArray(list) ? list.filter(isPlainObject) : [];
}

export function at(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isPlainObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** Equality-based `matchLabels` (and `matchExpressions` with In/NotIn/Exists/DoesNotExist) against labels. */
export function selectorMatches(selector: unknown, labels: Readonly<Record<string, string>>): boolean {
  if (!isPlainObject(selector)) return false;
  const matchLabels = isPlainObject(selector['matchLabels']) ? selector['matchLabels'] : {};
  const expressions = Array.isArray(selector['matchExpressions']) ? selector['matchExpressions'] : [];
  const labelsMatch = Object.entries(matchLabels).every(([key, value]) => labels[key] === value);
  return (
    labelsMatch &&
    expressions.every((expression: unknown) => {
      if (!isPlainObject(expression) || typeof expression['key'] !== 'string') return false;
      const value = labels[expression['key']];
      const values = Array.isArray(expression['values']) ? expression['values'] : [];
      switch (expression['operator']) {
        case 'In':
          return value !== undefined && values.includes(value);
        case 'NotIn':
          return value === undefined || !values.includes(value);
        case 'Exists':
          return value !== undefined;
        case 'DoesNotExist':
          return value === undefined;
        default:
          return false;
      }
    })
  );
}
