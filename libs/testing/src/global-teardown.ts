import { TEST_INFRA_FILE_ENV, readDescriptor } from './test-infra-descriptor';
import { releaseTestInfra } from './setup/release-test-infra';

/** Stops the run's broker, drops its database and removes `.cache/test-kafka-<pid>`. */
export default async function globalTeardown(): Promise<void> {
  const file = process.env[TEST_INFRA_FILE_ENV];
  if (!file) return;
  await releaseTestInfra(readDescriptor(file));
  delete process.env[TEST_INFRA_FILE_ENV];
}
