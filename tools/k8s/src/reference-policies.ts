import { isPlainObject, objectKey, type KubeObject } from './kube-object';
import { at, containersOf, selectorMatches, workloadOf, type Workload } from './pod-specs';

/**
 * Names that must resolve inside the render: Ingress backends to Services and their ports, Services to
 * pods, autoscalers and budgets to workloads, pods to their ServiceAccount and ConfigMaps, Strimzi resources
 * to their Kafka cluster. A typo in any of them applies cleanly and fails only at run time.
 */
export function referenceFindings(objects: readonly KubeObject[]): string[] {
  const findings: string[] = [];
  const workloads = objects.map(workloadOf).filter((workload): workload is Workload => workload !== undefined);
  const inNamespace = (object: KubeObject, kind: string): KubeObject[] =>
    objects.filter((other) => other.kind === kind && other.metadata.namespace === object.metadata.namespace);
  const named = (object: KubeObject, kind: string, name: unknown): KubeObject | undefined =>
    inNamespace(object, kind).find((other) => other.metadata.name === name);

  for (const object of objects) {
    const key = objectKey(object);
    switch (object.kind) {
      case 'Ingress':
        for (const backend of ingressBackends(object)) {
          const service = named(object, 'Service', backend.name);
          if (!service) findings.push(`${key}: backend Service ${backend.name} does not exist`);
          else if (!servicePortNames(service).includes(backend.port)) {
            findings.push(`${key}: Service ${backend.name} has no port ${backend.port}`);
          }
        }
        break;
      case 'Service':
      case 'PodDisruptionBudget': {
        const selector =
          object.kind === 'Service'
            ? { matchLabels: at(object, ['spec', 'selector']) }
            : at(object, ['spec', 'selector']);
        const sameNamespace = workloads.filter(
          (workload) => workload.object.metadata.namespace === object.metadata.namespace,
        );
        if (!sameNamespace.some((workload) => selectorMatches(selector, workload.podLabels))) {
          findings.push(`${key}: selects no pod of the render`);
        }
        break;
      }
      case 'HorizontalPodAutoscaler':
      case 'ScaledObject': {
        const target = at(object, ['spec', 'scaleTargetRef', 'name']);
        if (!named(object, 'Deployment', target))
          findings.push(`${key}: scale target ${String(target)} does not exist`);
        break;
      }
      case 'KafkaNodePool':
      case 'KafkaTopic': {
        const cluster = object.metadata.labels?.['strimzi.io/cluster'];
        if (!named(object, 'Kafka', cluster)) findings.push(`${key}: Kafka cluster ${String(cluster)} does not exist`);
        break;
      }
      default:
        break;
    }
  }
  for (const { object, podSpec } of workloads) {
    const account = podSpec['serviceAccountName'];
    if (account !== undefined && !named(object, 'ServiceAccount', account)) {
      findings.push(`${objectKey(object)}: ServiceAccount ${String(account)} does not exist`);
    }
    for (const container of containersOf(podSpec)) {
      const sources = Array.isArray(container['envFrom']) ? container['envFrom'] : [];
      for (const source of sources) {
        const name = at(source, ['configMapRef', 'name']);
        if (name !== undefined && !named(object, 'ConfigMap', name)) {
          findings.push(`${objectKey(object)}: ConfigMap ${String(name)} does not exist`);
        }
      }
    }
  }
  return findings;
}

function ingressBackends(ingress: KubeObject): { name: string; port: string }[] {
  const rules = at(ingress, ['spec', 'rules']);
  return (Array.isArray(rules) ? rules : []).flatMap((rule: unknown) => {
    const paths = at(rule, ['http', 'paths']);
    return (Array.isArray(paths) ? paths : []).flatMap((entry: unknown) => {
      const service = at(entry, ['backend', 'service']);
      if (!isPlainObject(service)) return [];
      const port = at(service, ['port', 'name']) ?? at(service, ['port', 'number']);
      return [{ name: String(service['name']), port: String(port) }];
    });
  });
}

function servicePortNames(service: KubeObject): string[] {
  const ports = at(service, ['spec', 'ports']);
  return (Array.isArray(ports) ? ports.filter(isPlainObject) : []).flatMap((port) => [
    String(port['name']),
    String(port['port']),
  ]);
}
