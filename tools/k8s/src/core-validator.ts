import { ConfigMap, Secret, Service, ServiceAccount } from 'kubernetes-models/v1';
import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Job } from 'kubernetes-models/batch/v1';
import { Ingress, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import type { KubeObject } from './kube-object';

/**
 * The models are typed for building objects from typed data; here they validate untyped YAML, so each
 * class is seen only through its constructor and `validate()`.
 */
type Validatable = new (data: Record<string, unknown>) => { validate(): void };

const MODELS: ReadonlyMap<string, Validatable> = new Map<string, Validatable>([
  ['v1/ConfigMap', ConfigMap as unknown as Validatable],
  ['v1/Secret', Secret as unknown as Validatable],
  ['v1/Service', Service as unknown as Validatable],
  ['v1/ServiceAccount', ServiceAccount as unknown as Validatable],
  ['apps/v1/Deployment', Deployment as unknown as Validatable],
  ['apps/v1/StatefulSet', StatefulSet as unknown as Validatable],
  ['autoscaling/v2/HorizontalPodAutoscaler', HorizontalPodAutoscaler as unknown as Validatable],
  ['batch/v1/Job', Job as unknown as Validatable],
  ['networking.k8s.io/v1/Ingress', Ingress as unknown as Validatable],
  ['networking.k8s.io/v1/NetworkPolicy', NetworkPolicy as unknown as Validatable],
  ['policy/v1/PodDisruptionBudget', PodDisruptionBudget as unknown as Validatable],
]);

/**
 * Validates built-in kinds with the OpenAPI-generated validators of `kubernetes-models` (types, required
 * fields, enums, quantity formats). `undefined` when the kind is not one Revisit is expected to render.
 */
export function validateCoreObject(object: KubeObject): string[] | undefined {
  const Model = MODELS.get(`${object.apiVersion}/${object.kind}`);
  if (!Model) return undefined;
  const { apiVersion: _apiVersion, kind: _kind, ...data } = object;
  try {
    new Model(data).validate();
    return [];
  } catch (error) {
    return [(error as Error).message];
  }
}
