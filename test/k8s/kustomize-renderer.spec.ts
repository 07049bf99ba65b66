import path from 'node:path';
import { K8sToolError, K8sToolErrorCode } from '../../tools/k8s/src/k8s-tool.errors';
import type { KubeObject } from '../../tools/k8s/src/kube-object';
import { renderKustomization } from '../../tools/k8s/src/kustomize-build';
import { writeTree } from './temp-tree';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: registry.example/web:1.0
          env:
            - { name: A, value: "1" }
            - { name: B, value: "2" }
          envFrom:
            - configMapRef: { name: settings }
        - name: sidecar
          image: registry.example/sidecar:2.0
      volumes:
        - name: settings
          configMap: { name: settings }
`;

function find(objects: readonly KubeObject[], kind: string, name?: string): KubeObject {
  const found = objects.find((object) => object.kind === kind && (name === undefined || object.metadata.name === name));
  if (!found) throw new Error(`no ${kind} ${name ?? ''} in the render`);
  return found;
}

function containers(deployment: KubeObject): Record<string, unknown>[] {
  const spec = deployment['spec'] as { template: { spec: { containers: Record<string, unknown>[] } } };
  return spec.template.spec.containers;
}

function refusal(directory: string): K8sToolError {
  try {
    renderKustomization(directory);
  } catch (error) {
    if (error instanceof K8sToolError) return error;
    throw error;
  }
  throw new Error('expected the render to be refused');
}

describe('renderKustomization', () => {
  it('applies namespace, labels (with templates), images and a hashed configMapGenerator, fixing references', () => {
    const root = writeTree({
      'base/kustomization.yaml': `resources: [deployment.yaml]
configMapGenerator:
  - name: settings
    literals: [LEVEL=info, "QUOTED='x y'"]
`,
      'base/deployment.yaml': DEPLOYMENT,
      'overlay/kustomization.yaml': `namespace: clinic
labels:
  - pairs: { tier: backend }
    includeTemplates: true
resources: [../base]
images:
  - name: registry.example/web
    newName: mirror.hospital.local/web
    newTag: "1.1"
  - name: registry.example/sidecar
    digest: sha256:abc
configMapGenerator:
  - name: settings
    behavior: merge
    literals: [LEVEL=debug, EXTRA=yes]
`,
    });
    const objects = renderKustomization(path.join(root, 'overlay'));
    const configMap = find(objects, 'ConfigMap');
    expect(configMap.metadata.name).toMatch(/^settings-[a-z0-9]{10}$/);
    expect(configMap['data']).toEqual({ LEVEL: 'debug', QUOTED: 'x y', EXTRA: 'yes' });
    expect(configMap.metadata.namespace).toBe('clinic');
    const deployment = find(objects, 'Deployment');
    expect(deployment.metadata).toMatchObject({ namespace: 'clinic', labels: { tier: 'backend' } });
    expect(deployment['spec']).toMatchObject({
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web', tier: 'backend' } } },
    });
    const [web, sidecar] = containers(deployment);
    expect(web?.['image']).toBe('mirror.hospital.local/web:1.1');
    expect(sidecar?.['image']).toBe('registry.example/sidecar@sha256:abc');
    expect(web?.['envFrom']).toEqual([{ configMapRef: { name: configMap.metadata.name } }]);
    expect(JSON.stringify(deployment)).toContain(`"configMap":{"name":"${configMap.metadata.name}"}`);
    // ConfigMaps come before the Deployments that mount them, as kubectl would apply them.
    expect(objects.map((object) => object.kind)).toEqual(['ConfigMap', 'Deployment']);
  });

  it('matches the suffix kubectl kustomize computes, HTML escaping included', () => {
    const root = writeTree({
      'kustomization.yaml': `configMapGenerator:\n  - name: other\n    literals: [a=1, "b=<x&y>"]\n`,
    });
    expect(find(renderKustomization(root), 'ConfigMap').metadata.name).toBe('other-cchh4fmt2g');
  });

  it('merges strategic patches by list merge key, deletes with $patch and null, and applies JSON 6902 to a target', () => {
    const root = writeTree({
      'kustomization.yaml': `resources: [deployment.yaml]
patches:
  - patch: |
      apiVersion: apps/v1
      kind: Deployment
      metadata: { name: web }
      spec:
        template:
          spec:
            containers:
              - name: web
                env:
                  - { name: B, value: "20" }
                  - { name: C, value: "3" }
              - name: sidecar
                $patch: delete
            volumes: null
  - path: replicas.yaml
    target: { kind: Deployment, name: "w.b" }
`,
      'deployment.yaml': DEPLOYMENT,
      'replicas.yaml': `- { op: add, path: /spec/replicas, value: 3 }
- { op: test, path: /spec/replicas, value: 3 }
- { op: remove, path: /spec/template/spec/containers/0/env/0 }
`,
    });
    const deployment = find(renderKustomization(root), 'Deployment');
    expect(deployment['spec']).toMatchObject({ replicas: 3 });
    const [web, ...rest] = containers(deployment);
    expect(rest).toEqual([]);
    expect(web?.['env']).toEqual([
      { name: 'B', value: '20' },
      { name: 'C', value: '3' },
    ]);
    expect(JSON.stringify(deployment)).not.toContain('"volumes"');
  });

  it('drops a resource of the base with a $patch: delete patch', () => {
    const root = writeTree({
      'kustomization.yaml': `resources: [deployment.yaml, a.yaml]
patches:
  - patch: |
      apiVersion: apps/v1
      kind: Deployment
      metadata: { name: web }
      $patch: delete
`,
      'deployment.yaml': DEPLOYMENT,
      'a.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: a }\ndata: {}\n',
    });
    expect(renderKustomization(root).map((object) => `${object.kind}/${object.metadata.name}`)).toEqual([
      'ConfigMap/a',
    ]);
  });

  it('selects patch targets by label selector', () => {
    const root = writeTree({
      'kustomization.yaml': `resources: [a.yaml, b.yaml]
patches:
  - patch: '[{"op": "add", "path": "/data/patched", "value": "yes"}]'
    target: { kind: ConfigMap, labelSelector: "role=x,tier!=db" }
`,
      'a.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: a, labels: { role: x } }\ndata: {}\n',
      'b.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: b, labels: { role: x, tier: db } }\ndata: {}\n',
    });
    const objects = renderKustomization(root);
    expect(find(objects, 'ConfigMap', 'a')['data']).toEqual({ patched: 'yes' });
    expect(find(objects, 'ConfigMap', 'b')['data']).toEqual({});
  });

  it('refuses what it does not implement instead of silently ignoring it', () => {
    const root = writeTree({ 'kustomization.yaml': 'resources: []\nnamePrefix: x-\n' });
    expect(refusal(root).code).toBe(K8sToolErrorCode.UnsupportedKustomizeFeature);
  });

  it('reports a patch that matches nothing, a duplicate resource and a missing file', () => {
    const unmatched = writeTree({
      'kustomization.yaml': `resources: [deployment.yaml]
patches:
  - patch: |
      apiVersion: apps/v1
      kind: Deployment
      metadata: { name: typo }
      spec: { replicas: 2 }
`,
      'deployment.yaml': DEPLOYMENT,
    });
    expect(refusal(unmatched).code).toBe(K8sToolErrorCode.PatchTargetNotFound);
    const duplicate = writeTree({
      'kustomization.yaml': 'resources: [a.yaml, b.yaml]\n',
      'a.yaml': DEPLOYMENT,
      'b.yaml': DEPLOYMENT,
    });
    expect(refusal(duplicate).code).toBe(K8sToolErrorCode.DuplicateResource);
    const missing = writeTree({ 'kustomization.yaml': 'resources: [nowhere.yaml]\n' });
    expect(refusal(missing).code).toBe(K8sToolErrorCode.MissingResource);
  });

  it('rejects a failing JSON patch test operation', () => {
    const root = writeTree({
      'kustomization.yaml': `resources: [deployment.yaml]
patches:
  - patch: '[{"op": "test", "path": "/spec/replicas", "value": 9}]'
    target: { kind: Deployment }
`,
      'deployment.yaml': DEPLOYMENT,
    });
    expect(refusal(root).code).toBe(K8sToolErrorCode.InvalidPatch);
  });
});
