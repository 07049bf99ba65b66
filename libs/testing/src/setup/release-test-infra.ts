import { rmSync } from 'node:fs';
import { LocalKafkaBroker } from '@revisit/local-infra';
import type { TestInfraDescriptor } from '../test-infra-descriptor';
import { dropDatabase } from './test-database';

type Releasable = Pick<TestInfraDescriptor, 'workDir' | 'containerIds'> & {
  readonly kafka: TestInfraDescriptor['kafka'] | undefined;
  readonly databaseName: string | undefined;
  readonly serverUrl?: string;
};

/**
 * Undoes one run: stops its broker, drops its database, removes its containers and work dir. Every step
 * runs even if an earlier one fails; the first failure is reported afterwards.
 */
export async function releaseTestInfra(run: Releasable): Promise<void> {
  const failures: unknown[] = [];
  const attempt = async (step: () => Promise<void>): Promise<void> => {
    try {
      await step();
    } catch (err) {
      failures.push(err);
    }
  };
  const { kafka, databaseName, serverUrl } = run;
  if (kafka?.kind === 'local-jvm') await attempt(() => LocalKafkaBroker.attach(kafka.dataDir).stop());
  if (databaseName && serverUrl) await attempt(() => dropDatabase(serverUrl, databaseName));
  if (run.containerIds.length > 0) {
    const { removeContainer } = await import('./testcontainers-infra');
    for (const id of run.containerIds) await attempt(() => removeContainer(id));
  }
  rmSync(run.workDir, { recursive: true, force: true });
  if (failures.length > 0) throw failures[0];
}
