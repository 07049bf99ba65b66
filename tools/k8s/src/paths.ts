import path from 'node:path';

/** The repository root: tools/k8s/src is three levels down. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const SCHEMA_DIR = path.join(REPO_ROOT, 'k8s', 'schemas');
