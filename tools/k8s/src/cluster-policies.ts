import { isPlainObject, objectKey, type KubeObject } from './kube-object';
import { at, selectorMatches, workloadOf, type Workload } from './pod-specs';

/** Policies that span objects: disruption budgets, one autoscaler per Deployment, network isolation. */
export function clusterPolicyFindings(objects: readonly KubeObject[]): string[] {
  const findings: string[] = [];
  const workloads = objects.map(workloadOf).filter((workload): workload is Workload => workload !== undefined);
  for (const object of objects) {
    if (object.kind === 'Secret') findings.push(`${objectKey(object)}: secret values never go in the manifests`);
    if (object.kind === 'ServiceAccount' && object['automountServiceAccountToken'] !== false) {
      findings.push(`${objectKey(object)}: must set automountServiceAccountToken: false`);
    }
  }
  for (const workload of workloads) {
    const key = objectKey(workload.object);
    const sameNamespace = objects.filter((object) => object.metadata.namespace === workload.object.metadata.namespace);
    if (workload.object.kind === 'Deployment') {
      const budgets = sameNamespace.filter(
        (object) =>
          object.kind === 'PodDisruptionBudget' &&
          selectorMatches(at(object, ['spec', 'selector']), workload.podLabels),
      );
      if (budgets.length === 0) findings.push(`${key}: no PodDisruptionBudget selects its pods`);
      const scalers = sameNamespace.filter((object) => scalesDeployment(object, workload.object.metadata.name));
      if (scalers.length !== 1) {
        findings.push(`${key}: needs exactly one HorizontalPodAutoscaler or ScaledObject, found ${scalers.length}`);
      }
    }
    for (const direction of ['Ingress', 'Egress']) {
      const policies = sameNamespace.filter(
        (object) =>
          object.kind === 'NetworkPolicy' &&
          policyTypes(object).includes(direction) &&
          selectorMatches(at(object, ['spec', 'podSelector']), workload.podLabels),
      );
      if (policies.length === 0) findings.push(`${key}: no NetworkPolicy restricts its ${direction.toLowerCase()}`);
    }
  }
  return findings;
}

function scalesDeployment(object: KubeObject, name: string): boolean {
  const target = at(object, ['spec', 'scaleTargetRef']);
  if (!isPlainObject(target) || target['name'] !== name) return false;
  if (object.kind === 'HorizontalPodAutoscaler') return target['kind'] === 'Deployment';
  // A ScaledObject targets a Deployment unless it names another kind.
  return object.kind === 'ScaledObject' && (target['kind'] === undefined || target['kind'] === 'Deployment');
}

function policyTypes(object: KubeObject): string[] {
  const types = at(object, ['spec', 'policyTypes']);
  return Array.isArray(types) ? types.filter((type): type is string => typeof type === 'string') : ['Ingress'];
}

/**
 * KEDA must never add consumers that would sit idle: for each Kafka trigger, maxReplicaCount stays at or
 * below the partitions of every topic the group may consume (its named topic, or else every event and
 * retry topic the group's service does not itself produce), read from the rendered KafkaTopic resources.
 */
export function partitionBoundFindings(objects: readonly KubeObject[]): string[] {
  const topics = objects.filter((object) => object.kind === 'KafkaTopic');
  const findings: string[] = [];
  for (const scaled of objects.filter((object) => object.kind === 'ScaledObject')) {
    const max = at(scaled, ['spec', 'maxReplicaCount']);
    const triggers = at(scaled, ['spec', 'triggers']);
    for (const trigger of Array.isArray(triggers) ? triggers.filter(isPlainObject) : []) {
      if (trigger['type'] !== 'kafka') continue;
      findings.push(...bootstrapFindings(scaled, at(trigger, ['metadata', 'bootstrapServers'])));
      const group = String(at(trigger, ['metadata', 'consumerGroup']));
      const topic = at(trigger, ['metadata', 'topic']);
      const consumed = topics.filter((candidate) =>
        typeof topic === 'string'
          ? at(candidate, ['spec', 'topicName']) === topic
          : candidate.metadata.labels?.['revisit.health/topic-role'] !== 'dlq' &&
            candidate.metadata.labels?.['revisit.health/producer'] !== group,
      );
      const partitions = consumed.map((candidate) => Number(at(candidate, ['spec', 'partitions'])));
      if (partitions.length === 0) {
        findings.push(`${objectKey(scaled)}: consumer group ${group} reads no declared KafkaTopic`);
      } else if (typeof max !== 'number' || max > Math.min(...partitions)) {
        findings.push(
          `${objectKey(scaled)}: maxReplicaCount ${String(max)} exceeds the ${Math.min(...partitions)} partitions of the topics group ${group} reads`,
        );
      }
    }
  }
  return findings;
}

/** KEDA's operator resolves the brokers from its own namespace, so each address must name ours. */
function bootstrapFindings(scaled: KubeObject, servers: unknown): string[] {
  if (typeof servers !== 'string' || servers.trim() === '')
    return [`${objectKey(scaled)}: kafka trigger has no bootstrapServers`];
  const namespace = scaled.metadata.namespace;
  return servers.split(',').flatMap((server) => {
    const host = server.trim().split(':')[0] ?? '';
    const labels = host.split('.');
    if (labels[2] !== 'svc')
      return [`${objectKey(scaled)}: bootstrap server ${host} is not a <service>.<namespace>.svc address`];
    if (namespace !== undefined && labels[1] !== namespace) {
      return [
        `${objectKey(scaled)}: bootstrap server ${host} points at namespace ${labels[1] ?? ''}, not ${namespace}`,
      ];
    }
    return [];
  });
}
