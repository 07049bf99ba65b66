import type { KubeObject } from '../../tools/k8s/src/kube-object';
import { validateObjects } from '../../tools/k8s/src/validate-manifests';
import { APPS, findObject, OVERLAYS, renderOverlay } from './overlays';

interface PodTemplateSpec {
  spec: { template: { spec: { containers: Record<string, unknown>[]; volumes?: unknown[] } } };
}

function firstContainer(object: KubeObject): Record<string, unknown> {
  const container = (object as unknown as PodTemplateSpec).spec.template.spec.containers[0];
  if (!container) throw new Error(`${object.metadata.name} has no container`);
  return container;
}

describe.each(OVERLAYS)('overlay %s', (overlay) => {
  it('renders and passes every schema and policy check', () => {
    const objects = renderOverlay(overlay);
    expect(validateObjects(objects)).toEqual([]);
  });

  it('deploys every service with its migration Job, budget and one autoscaler', () => {
    const objects = renderOverlay(overlay);
    for (const app of APPS) {
      findObject(objects, 'Deployment', `revisit-${app}`);
      findObject(objects, 'Job', `revisit-${app}-migrate`);
      findObject(objects, 'PodDisruptionBudget', `revisit-${app}`);
      findObject(objects, 'ServiceAccount', `revisit-${app}`);
    }
    expect(objects.filter((object) => object.kind === 'HorizontalPodAutoscaler').map((o) => o.metadata.name)).toEqual([
      'revisit-console',
      'revisit-ingest',
    ]);
    expect(objects.filter((object) => object.kind === 'ScaledObject')).toHaveLength(3);
    const namespaces = new Set(objects.map((object) => object.metadata.namespace));
    expect(namespaces).toEqual(new Set([overlay === 'dev' ? 'revisit-dev' : 'revisit']));
  });

  it('serves the console at / with its relay to the four services, holding no database, broker or cache secret', () => {
    const objects = renderOverlay(overlay);
    const console = findObject(objects, 'Deployment', 'revisit-console');
    const container = firstContainer(console);
    const env = Object.fromEntries(
      ((container['env'] as { name: string; value: string }[]) ?? []).map((entry) => [entry.name, entry.value]),
    );
    expect(env).toMatchObject({
      INGEST_URL: 'http://revisit-ingest:3001',
      SCHEDULER_URL: 'http://revisit-scheduler:3002',
      OUTREACH_URL: 'http://revisit-outreach:3003',
      ANALYTICS_URL: 'http://revisit-analytics:3004',
    });
    expect(JSON.stringify(console)).not.toMatch(/DATABASE_URL|REDIS_URL|KAFKA_BROKERS|revisit-pg-app/);
    const paths = (
      findObject(objects, 'Ingress', 'revisit')['spec'] as {
        rules: { http: { paths: { path: string; backend: { service: { name: string } } }[] } }[];
      }
    ).rules[0]?.http.paths.map((p) => [p.path, p.backend.service.name]);
    expect(paths).toEqual([
      ['/fhir', 'revisit-ingest'],
      ['/', 'revisit-console'],
    ]);
    // Each service admits the console's relay, and the services reach the outreach issuer's JWKS.
    for (const app of APPS) {
      expect(JSON.stringify(findObject(objects, 'NetworkPolicy', `revisit-${app}-ingress`))).toContain(
        'revisit-console',
      );
    }
    expect(JSON.stringify(findObject(objects, 'NetworkPolicy', 'revisit-services-egress'))).toContain(
      'revisit-outreach',
    );
  });

  it('catches a container without probes, limits, read-only root or pinned image', () => {
    const objects = renderOverlay(overlay);
    const container = firstContainer(findObject(objects, 'Deployment', 'revisit-outreach'));
    delete container['readinessProbe'];
    container['image'] = 'ghcr.io/revisit-health/revisit-outreach:latest';
    container['resources'] = { requests: { cpu: '100m', memory: '256Mi' } };
    container['securityContext'] = { ...(container['securityContext'] as object), readOnlyRootFilesystem: false };
    const findings = validateObjects(objects).join('\n');
    expect(findings).toContain('container outreach: no readinessProbe');
    expect(findings).toContain('uses the latest tag');
    expect(findings).toContain('container outreach: no memory limit');
    expect(findings).toContain('container outreach: root filesystem must be read-only');
  });

  it('catches a wrong type or a misspelt field in a built-in kind and an unknown field in a custom resource', () => {
    const objects = renderOverlay(overlay);
    const container = firstContainer(findObject(objects, 'Deployment', 'revisit-ingest'));
    container['resources'] = { requests: { cpu: 'lots', memory: '256Mi' }, limits: { cpu: '1', memory: '1Gi' } };
    container['livenessProbes'] = container['livenessProbe'];
    const kafka = findObject(objects, 'Kafka', 'revisit-kafka');
    (kafka['spec'] as Record<string, unknown>)['zookeeper'] = { replicas: 3 };
    const findings = validateObjects(objects);
    expect(findings.some((finding) => finding.includes('Deployment') && finding.includes('quantity'))).toBe(true);
    const deployment = `Deployment/${kafka.metadata.namespace ?? ''}/revisit-ingest`;
    expect(findings).toContain(`${deployment}: /spec/template/spec/containers/0: unknown field "livenessProbes"`);
    expect(findings).toContain(
      `Kafka/${kafka.metadata.namespace ?? ''}/revisit-kafka: /spec: unknown field "zookeeper"`,
    );
  });

  it('catches a ScaledObject that would scale past the partitions of its topics', () => {
    const objects = renderOverlay(overlay);
    const scaled = findObject(objects, 'ScaledObject', 'revisit-scheduler');
    (scaled['spec'] as Record<string, unknown>)['maxReplicaCount'] = 7;
    expect(validateObjects(objects).join('\n')).toContain('maxReplicaCount 7 exceeds the 6 partitions');
  });

  it('catches names that do not resolve: Ingress backend, scale target, Kafka cluster, ConfigMap', () => {
    const objects = renderOverlay(overlay);
    const ingress = findObject(objects, 'Ingress', 'revisit');
    const paths = (ingress['spec'] as { rules: { http: { paths: { backend: { service: { name: string } } }[] } }[] })
      .rules[0]!.http.paths;
    paths[0]!.backend.service.name = 'revisit-ingets';
    (
      findObject(objects, 'ScaledObject', 'revisit-outreach')['spec'] as { scaleTargetRef: { name: string } }
    ).scaleTargetRef.name = 'revisit-outreah';
    findObject(objects, 'KafkaTopic', 'revisit.patient.registered.v1').metadata.labels!['strimzi.io/cluster'] = 'other';
    firstContainer(findObject(objects, 'Deployment', 'revisit-analytics'))['envFrom'] = [
      { configMapRef: { name: 'gone' } },
    ];
    const findings = validateObjects(objects).join('\n');
    expect(findings).toContain('backend Service revisit-ingets does not exist');
    expect(findings).toContain('scale target revisit-outreah does not exist');
    expect(findings).toContain('revisit.patient.registered.v1: Kafka cluster other does not exist');
    expect(findings).toContain('revisit-analytics: ConfigMap gone does not exist');
  });

  it('catches a missing NetworkPolicy, a committed Secret and a token-mounting pod', () => {
    const egressPolicies = new Set(['revisit-services-egress', 'revisit-default-deny']);
    const objects = renderOverlay(overlay).filter((object) => !egressPolicies.has(object.metadata.name));
    const redis = findObject(objects, 'StatefulSet', 'revisit-redis');
    (redis['spec'] as PodTemplateSpec['spec']).template.spec = {
      ...(redis['spec'] as PodTemplateSpec['spec']).template.spec,
      ...{ automountServiceAccountToken: true },
    };
    objects.push({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'oops', namespace: 'x' }, data: {} });
    const findings = validateObjects(objects).join('\n');
    expect(findings).toContain('revisit-analytics: no NetworkPolicy restricts its egress');
    expect(findings).toContain('Secret/x/oops: secret values never go in the manifests');
    expect(findings).toContain('revisit-redis: pod spec must set automountServiceAccountToken: false');
  });
});

describe('production overlay', () => {
  it('backs PostgreSQL up through the Barman Cloud plugin and exposes MLLP on the hospital network', () => {
    const objects = renderOverlay('production');
    expect(findObject(objects, 'Cluster', 'revisit-pg')['spec']).toMatchObject({
      instances: 3,
      plugins: [{ name: 'barman-cloud.cloudnative-pg.io', isWALArchiver: true }],
    });
    expect(findObject(objects, 'ScheduledBackup', 'revisit-pg-nightly')['spec']).toMatchObject({ method: 'plugin' });
    expect(findObject(objects, 'Service', 'revisit-ingest-mllp')['spec']).toMatchObject({
      type: 'LoadBalancer',
      externalTrafficPolicy: 'Local',
    });
  });

  it('points the services at the in-cluster OpenTelemetry collector', () => {
    const config = renderOverlay('production').find((object) => object.metadata.name.startsWith('revisit-config-'));
    expect(config?.['data']).toMatchObject({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector.observability.svc:4318',
    });
  });
});

describe('dev overlay', () => {
  it('runs one replica of everything without backups and keeps drains possible', () => {
    const objects = renderOverlay('dev');
    expect(objects.some((object) => object.kind === 'ScheduledBackup' || object.kind === 'ObjectStore')).toBe(false);
    expect(findObject(objects, 'Cluster', 'revisit-pg')['spec']).toMatchObject({ instances: 1 });
    expect(findObject(objects, 'KafkaNodePool', 'dual-role')['spec']).toMatchObject({ replicas: 1 });
    for (const budget of objects.filter((object) => object.kind === 'PodDisruptionBudget')) {
      expect(budget['spec']).toMatchObject({ maxUnavailable: 1 });
    }
  });
});
