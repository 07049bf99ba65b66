import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renderKustomization } from '../../tools/k8s/src/kustomize-build';
import { REPO_ROOT } from '../../tools/k8s/src/paths';
import { validateObjects } from '../../tools/k8s/src/validate-manifests';
import { writeTree } from './temp-tree';
import { findObject } from './overlays';

/** The site overlay example of k8s/README.md, with its `../production` pointing at the real overlay. */
function readmeSiteOverlay(): string {
  const readme = readFileSync(path.join(REPO_ROOT, 'k8s', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Site overlay'));
  const block = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('k8s/README.md has no yaml example under "Site overlay"');
  return block.replace('../production', path.join(REPO_ROOT, 'k8s', 'overlays', 'production'));
}

describe('the site overlay example in k8s/README.md', () => {
  it('renders, passes validation and applies the site settings it shows', () => {
    const objects = renderKustomization(writeTree({ 'kustomization.yaml': readmeSiteOverlay() }));
    expect(validateObjects(objects)).toEqual([]);
    expect(findObject(objects, 'Ingress', 'revisit')['spec']).toMatchObject({
      rules: [{ host: 'revisit.hospital.local' }],
      tls: [{ hosts: ['revisit.hospital.local'] }],
    });
    const ingest = findObject(objects, 'Deployment', 'revisit-ingest');
    expect(JSON.stringify(ingest)).toContain('"image":"registry.hospital.local/revisit/revisit-ingest:0.1.0"');
    expect(JSON.stringify(findObject(objects, 'NetworkPolicy', 'revisit-ingest-ingress'))).toContain('10.20.30.0/24');
  });
});
