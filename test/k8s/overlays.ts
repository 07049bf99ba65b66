import path from 'node:path';
import type { KubeObject } from '../../tools/k8s/src/kube-object';
import { renderKustomization } from '../../tools/k8s/src/kustomize-build';
import { REPO_ROOT } from '../../tools/k8s/src/paths';

/** The overlays a hospital applies; each must render and validate on its own. */
export const OVERLAYS = ['dev', 'production'] as const;
export type OverlayName = (typeof OVERLAYS)[number];

export const APPS = ['ingest', 'scheduler', 'outreach', 'analytics'] as const;

export function overlayDirectory(overlay: OverlayName): string {
  return path.join(REPO_ROOT, 'k8s', 'overlays', overlay);
}

const cache = new Map<OverlayName, KubeObject[]>();

/** Rendered once per test file; callers get a deep copy they may mutate. */
export function renderOverlay(overlay: OverlayName): KubeObject[] {
  let objects = cache.get(overlay);
  if (!objects) {
    objects = renderKustomization(overlayDirectory(overlay));
    cache.set(overlay, objects);
  }
  return structuredClone(objects);
}

export function findObject(objects: readonly KubeObject[], kind: string, name: string): KubeObject {
  const found = objects.find((object) => object.kind === kind && object.metadata.name === name);
  if (!found) throw new Error(`${kind} ${name} is not in the render`);
  return found;
}
