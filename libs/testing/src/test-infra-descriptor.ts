import { readFileSync, writeFileSync } from 'node:fs';

/** Set by the global set-up for every test process: where the run's infrastructure descriptor lives. */
export const TEST_INFRA_FILE_ENV = 'REVISIT_TEST_INFRA_FILE';

export type TestKafka =
  | { readonly kind: 'external'; readonly brokers: string[] }
  | { readonly kind: 'local-jvm'; readonly brokers: string[]; readonly dataDir: string }
  | { readonly kind: 'testcontainers'; readonly brokers: string[]; readonly containerId: string };

/**
 * What one integration run provisioned, written by the global set-up into the run's work dir and read by
 * the teardown and by helpers (in other processes) that must restart the broker.
 */
export interface TestInfraDescriptor {
  readonly version: 1;
  /** The Jest process that owns the run; a later run cleans up after it if it died without teardown. */
  readonly ownerPid: number;
  readonly workDir: string;
  readonly kafka: TestKafka;
  /** The fresh per-run database and the server URL (its maintenance database) used to create and drop it. */
  readonly databaseName: string;
  readonly databaseUrl: string;
  readonly serverUrl: string;
  readonly redisUrl: string;
  /** Containers started for this run (Testcontainers), stopped and removed at teardown. */
  readonly containerIds: string[];
}

export function writeDescriptor(file: string, descriptor: TestInfraDescriptor): void {
  writeFileSync(file, `${JSON.stringify(descriptor, null, 2)}\n`);
}

export function readDescriptor(file: string): TestInfraDescriptor {
  return JSON.parse(readFileSync(file, 'utf8')) as TestInfraDescriptor;
}

/** The current run's descriptor; fails clearly when a test is run outside the integration project. */
export function currentDescriptor(): TestInfraDescriptor {
  const file = process.env[TEST_INFRA_FILE_ENV];
  if (!file) {
    throw new Error(
      `${TEST_INFRA_FILE_ENV} is not set: run integration tests through Jest's "integration" project (npm run test:int), whose global set-up provisions the infrastructure.`,
    );
  }
  return readDescriptor(file);
}
