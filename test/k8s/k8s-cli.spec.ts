import path from 'node:path';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, main } from '../../tools/k8s/src/main';
import { REPO_ROOT } from '../../tools/k8s/src/paths';
import { writeTree } from './temp-tree';

function run(argv: string[]): { status: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const status = main(
    argv,
    { write: (text: string) => (stdout += text) },
    { write: (text: string) => (stderr += text) },
  );
  return { status, stdout, stderr };
}

describe('tools/k8s CLI', () => {
  it('answers an unknown command with the usage and exit status 64', () => {
    const result = run(['deploy']);
    expect(result.status).toBe(EXIT_USAGE);
    expect(result.stderr).toContain('usage: node tools/k8s/run.mjs');
  });

  it('confirms that the committed topics file is current', () => {
    expect(run(['generate-topics', '--check'])).toMatchObject({ status: EXIT_OK, stderr: '' });
  });

  it('exits 1 and names each finding when an overlay breaks a policy', () => {
    const overlay = writeTree({
      'kustomization.yaml': `resources: [${path.join(REPO_ROOT, 'k8s/overlays/dev')}]
images:
  - name: ghcr.io/revisit-health/revisit-ingest
    newTag: latest
`,
    });
    const result = run(['validate', overlay]);
    expect(result.status).toBe(EXIT_INVALID);
    expect(result.stderr).toContain(
      'Deployment/revisit-dev/revisit-ingest: container ingest: image ghcr.io/revisit-health/revisit-ingest:latest uses the latest tag',
    );
    expect(result.stdout).toMatch(/130 objects, [1-9]\d* finding\(s\)/);
  });

  it('reports a broken kustomization as an error, not a crash', () => {
    const result = run(['render', writeTree({ 'kustomization.yaml': 'resources: [missing.yaml]\n' })]);
    expect(result.status).toBe(EXIT_INVALID);
    expect(result.stderr).toMatch(/^error \(missing-resource\): .*missing\.yaml does not exist/);
  });

  it('lists the images to mirror for an air-gapped registry', () => {
    const result = run(['images', path.join(REPO_ROOT, 'k8s/overlays/production')]);
    expect(result.stdout.trim().split('\n')).toEqual([
      'docker.io/valkey/valkey:8.1.3-alpine',
      'ghcr.io/cloudnative-pg/postgresql:18.4-system-trixie',
      'ghcr.io/revisit-health/revisit-analytics:0.1.0',
      'ghcr.io/revisit-health/revisit-console:0.1.0',
      'ghcr.io/revisit-health/revisit-ingest:0.1.0',
      'ghcr.io/revisit-health/revisit-outreach:0.1.0',
      'ghcr.io/revisit-health/revisit-scheduler:0.1.0',
    ]);
  });
});
