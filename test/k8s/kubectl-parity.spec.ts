import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { isKubeObject, objectKey, type KubeObject } from '../../tools/k8s/src/kube-object';
import { renderKustomization } from '../../tools/k8s/src/kustomize-build';
import { REPO_ROOT } from '../../tools/k8s/src/paths';
import { parseYamlDocuments } from '../../tools/k8s/src/yaml-documents';

/** kubectl on PATH, if any: the reference kustomize. Air-gapped user machines often lack it. */
function findKubectl(): string | undefined {
  for (const directory of (process.env['PATH'] ?? '').split(path.delimiter)) {
    const candidate = path.join(directory, 'kubectl');
    if (directory !== '' && existsSync(candidate)) return candidate;
  }
  return undefined;
}

function byKey(objects: readonly KubeObject[]): Map<string, KubeObject> {
  return new Map(objects.map((object) => [objectKey(object), object]));
}

const kubectl = findKubectl();
const directories = ['k8s/base', 'k8s/overlays/dev', 'k8s/overlays/production'];

describe('our renderer against kubectl kustomize', () => {
  if (!kubectl) {
    it.skip('kubectl is not installed: nothing to compare against', () => undefined);
    return;
  }
  it.each(directories)('%s renders to the same objects', (directory) => {
    const absolute = path.join(REPO_ROOT, directory);
    const reference = execFileSync(kubectl, ['kustomize', absolute], { encoding: 'utf8', timeout: 60_000 });
    const expected = byKey(parseYamlDocuments(reference, `kubectl kustomize ${directory}`).filter(isKubeObject));
    const actual = byKey(renderKustomization(absolute));
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [key, object] of actual) expect({ key, object }).toEqual({ key, object: expected.get(key) });
  });
});
