import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { cacheDir } from '@revisit/local-infra';
import { readDescriptor } from '../test-infra-descriptor';
import { releaseTestInfra } from './release-test-infra';

/**
 * Releases what earlier runs left behind when Jest was killed before its teardown (Ctrl-C twice, a CI
 * timeout): their detached brokers would otherwise keep running and hold memory on a shared machine.
 * Only runs whose owning process is gone are touched, so concurrent runs by other users are safe.
 */
export async function releaseStaleRuns(): Promise<number> {
  const root = cacheDir();
  if (!existsSync(root)) return 0;
  let released = 0;
  for (const entry of readdirSync(root)) {
    const match = /^test-kafka-(\d+)$/.exec(entry);
    if (!match || isAlive(Number(match[1]))) continue;
    const workDir = path.join(root, entry);
    const descriptorFile = path.join(workDir, 'infra.json');
    if (existsSync(descriptorFile)) {
      await releaseTestInfra(readDescriptor(descriptorFile)).catch(() => undefined);
    } else if (existsSync(path.join(workDir, 'broker', 'broker.json'))) {
      await releaseTestInfra({
        workDir,
        containerIds: [],
        databaseName: undefined,
        kafka: { kind: 'local-jvm', brokers: [], dataDir: path.join(workDir, 'broker') },
      }).catch(() => undefined);
    }
    rmSync(workDir, { recursive: true, force: true });
    released++;
  }
  return released;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
