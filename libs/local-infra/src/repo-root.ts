import { existsSync } from 'node:fs';
import path from 'node:path';
import { InfraError, InfraErrorCode } from './infra.errors';

/**
 * The monorepo root, found by walking up to the directory holding nx.json. Works both from the sources
 * (Jest) and from the compiled copy under dist/, which sits inside the root.
 */
export function findRepoRoot(from: string = __dirname): string {
  const override = process.env.REVISIT_ROOT;
  if (override) return path.resolve(override);
  let dir = path.resolve(from);
  for (;;) {
    if (existsSync(path.join(dir, 'nx.json')) && existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new InfraError(
        InfraErrorCode.RepoRootNotFound,
        'Could not find the Revisit repository root (no nx.json above this file); set REVISIT_ROOT to it.',
      );
    }
    dir = parent;
  }
}

/** `.cache/` under the repository root: git-ignored home of Kafka's jars, broker data and infra state. */
export function cacheDir(root: string = findRepoRoot()): string {
  return path.join(root, '.cache');
}
