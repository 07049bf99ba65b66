import { isPlainObject, type KubeObject } from './kube-object';
import { visitContainers } from './transformers';

/**
 * Every image a render pulls: container images, plus the PostgreSQL image CloudNativePG starts. What an
 * air-gapped site copies into its own registry (operator images are listed in k8s/README.md).
 */
export function imagesOf(objects: readonly KubeObject[]): string[] {
  const images = new Set<string>();
  for (const object of objects) {
    visitContainers(object, (container) => {
      if (typeof container['image'] === 'string') images.add(container['image']);
    });
    const spec = object['spec'];
    if (object.kind === 'Cluster' && isPlainObject(spec) && typeof spec['imageName'] === 'string') {
      images.add(spec['imageName']);
    }
  }
  return [...images].sort();
}
