import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { isPlainObject, type KubeObject } from '../../tools/k8s/src/kube-object';
import { REPO_ROOT } from '../../tools/k8s/src/paths';
import { parseImage } from '../../tools/k8s/src/transformers';
import { APPS, findObject, OVERLAYS, renderOverlay } from './overlays';

interface ComposeService {
  readonly image?: string;
  readonly build?: unknown;
  readonly environment?: Record<string, unknown> | string[];
}

interface ComposeFile {
  readonly name?: string;
  readonly services: Record<string, ComposeService>;
}

/** docker-compose.yml at the repo root, with YAML merge keys (`<<: *service-env`) resolved. */
function readCompose(): ComposeFile {
  const compose: unknown = parse(readFileSync(path.join(REPO_ROOT, 'docker-compose.yml'), 'utf8'), { merge: true });
  if (!isPlainObject(compose) || !isPlainObject(compose['services']))
    throw new Error('docker-compose.yml has no services');
  return compose as unknown as ComposeFile;
}

function composeEnvNames(service: ComposeService): Set<string> {
  const environment = service.environment ?? {};
  const names = Array.isArray(environment)
    ? environment.map((entry) => entry.split('=')[0] ?? '')
    : Object.keys(environment);
  return new Set(names);
}

/**
 * The repository an app image comes from under Compose: its `image` when set, else the name Compose gives
 * a built image (`<project>-<service>`).
 */
function composeRepository(compose: ComposeFile, app: string): string {
  const service = compose.services[app];
  if (!service) throw new Error(`docker-compose.yml has no ${app} service`);
  if (service.image) return parseImage(service.image).name;
  return `${compose.name ?? path.basename(REPO_ROOT)}-${app}`;
}

/** Env names a Kubernetes container receives; `<NAME>_FILE` counts as `<NAME>` (mounted secret). */
function kubernetesEnvNames(objects: readonly KubeObject[], app: string): Set<string> {
  const deployment = findObject(objects, 'Deployment', `revisit-${app}`);
  const pod = (deployment['spec'] as { template: { spec: { containers: Record<string, unknown>[] } } }).template.spec;
  const container = pod.containers[0] ?? {};
  const names = new Set<string>();
  for (const entry of (container['env'] as { name: string }[] | undefined) ?? []) names.add(entry.name);
  for (const source of (container['envFrom'] as { configMapRef?: { name: string } }[] | undefined) ?? []) {
    const configMap = source.configMapRef ? findObject(objects, 'ConfigMap', source.configMapRef.name) : undefined;
    for (const key of Object.keys((configMap?.['data'] as Record<string, string> | undefined) ?? {})) names.add(key);
  }
  return new Set([...names].map((name) => name.replace(/_FILE$/, '')));
}

function envValue(objects: readonly KubeObject[], app: string, name: string): string | undefined {
  const deployment = findObject(objects, 'Deployment', `revisit-${app}`);
  const pod = (
    deployment['spec'] as { template: { spec: { containers: { env?: { name: string; value?: string }[] }[] } } }
  ).template.spec;
  return pod.containers[0]?.env?.find((entry) => entry.name === name)?.value;
}

describe('docker-compose.yml and the Kubernetes manifests', () => {
  const compose = readCompose();

  describe.each(OVERLAYS)('overlay %s', (overlay) => {
    it.each(APPS)('%s: same environment variable names', (app) => {
      const service = compose.services[app];
      if (!service) throw new Error(`docker-compose.yml has no ${app} service`);
      expect([...kubernetesEnvNames(renderOverlay(overlay), app)].sort()).toEqual([...composeEnvNames(service)].sort());
    });

    it.each(APPS)('%s: same image repository, a pinned tag, same ports and service name', (app) => {
      const objects = renderOverlay(overlay);
      const deployment = findObject(objects, 'Deployment', `revisit-${app}`);
      const image = String(
        (deployment['spec'] as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers[0]
          ?.image,
      );
      const reference = parseImage(image);
      // Compose names built images `revisit-<app>`; the registry path in front of it is Kubernetes' own.
      expect(reference.name.split('/').pop()).toBe(composeRepository(compose, app).split('/').pop());
      expect(reference.tag ?? reference.digest).toBeDefined();
      const environment = compose.services[app]?.environment as Record<string, unknown>;
      for (const name of ['PORT', 'MLLP_PORT', 'OTEL_SERVICE_NAME']) {
        expect(envValue(objects, app, name)).toBe(
          environment[name] === undefined ? undefined : String(environment[name]),
        );
      }
    });
  });
});
