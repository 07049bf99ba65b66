import { isPlainObject } from './kube-object';
import { at, containersOf, mainContainersOf, type Json, type Workload } from './pod-specs';
import { parseImage } from './transformers';

/**
 * What every Revisit pod must declare, whatever overlay renders it: probes, requests and limits, a non-root
 * user, a read-only root filesystem with /tmp on an emptyDir, no privilege escalation, no capabilities, no
 * service account token, and a pinned image.
 */
export function containerPolicyFindings(workload: Workload): string[] {
  const { podSpec } = workload;
  const findings: string[] = [];
  if (podSpec['automountServiceAccountToken'] !== false) {
    findings.push('pod spec must set automountServiceAccountToken: false');
  }
  const podRunsAsNonRoot = at(podSpec, ['securityContext', 'runAsNonRoot']) === true;
  const emptyDirs = emptyDirVolumes(podSpec);
  for (const container of containersOf(podSpec)) {
    const name = String(container['name']);
    const problem = (message: string): number => findings.push(`container ${name}: ${message}`);
    checkImage(container['image'], problem);
    for (const resource of ['cpu', 'memory']) {
      if (at(container, ['resources', 'requests', resource]) === undefined) problem(`no ${resource} request`);
      if (at(container, ['resources', 'limits', resource]) === undefined) problem(`no ${resource} limit`);
    }
    const context = isPlainObject(container['securityContext']) ? container['securityContext'] : {};
    if (context['runAsNonRoot'] !== true && !podRunsAsNonRoot) problem('must run as non-root (runAsNonRoot)');
    if (context['runAsNonRoot'] === false || context['runAsUser'] === 0) problem('runs as root');
    if (context['readOnlyRootFilesystem'] !== true) problem('root filesystem must be read-only');
    if (context['allowPrivilegeEscalation'] !== false) problem('must set allowPrivilegeEscalation: false');
    if (context['privileged'] === true) problem('must not be privileged');
    const dropped = at(context, ['capabilities', 'drop']);
    if (!Array.isArray(dropped) || !dropped.includes('ALL')) problem('must drop ALL capabilities');
    if (!mountsEmptyDirAtTmp(container, emptyDirs)) problem('needs an emptyDir mounted at /tmp');
  }
  if (workload.longRunning) {
    for (const container of mainContainersOf(podSpec)) {
      for (const probe of ['livenessProbe', 'readinessProbe']) {
        if (!isPlainObject(container[probe])) findings.push(`container ${String(container['name'])}: no ${probe}`);
      }
    }
  }
  return findings;
}

function checkImage(image: unknown, problem: (message: string) => number): void {
  if (typeof image !== 'string' || image === '') {
    problem('no image');
    return;
  }
  const reference = parseImage(image);
  if (reference.tag === undefined && reference.digest === undefined) problem(`image ${image} is not pinned`);
  if (reference.tag === 'latest') problem(`image ${image} uses the latest tag`);
}

function emptyDirVolumes(podSpec: Json): Set<string> {
  const volumes = Array.isArray(podSpec['volumes']) ? podSpec['volumes'].filter(isPlainObject) : [];
  return new Set(volumes.filter((volume) => isPlainObject(volume['emptyDir'])).map((volume) => String(volume['name'])));
}

function mountsEmptyDirAtTmp(container: Json, emptyDirs: ReadonlySet<string>): boolean {
  const mounts = Array.isArray(container['volumeMounts']) ? container['volumeMounts'].filter(isPlainObject) : [];
  return mounts.some((mount) => mount['mountPath'] === '/tmp' && emptyDirs.has(String(mount['name'])));
}
