import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalKafkaBroker, findFreePortPair } from '@revisit/local-infra';
import { parseBrokers } from '@revisit/messaging';

export interface BenchBroker {
  brokers: string[];
  provisioned: 'external' | 'local-jvm';
  release(): Promise<void>;
}

/** Reuses KAFKA_BROKERS when set; otherwise starts a throwaway single-node broker from the jars. */
export async function provisionBroker(): Promise<BenchBroker> {
  const external = parseBrokers(process.env.KAFKA_BROKERS);
  if (external.length > 0) return { brokers: external, provisioned: 'external', release: () => Promise.resolve() };
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'revisit-bench-kafka-'));
  const broker = LocalKafkaBroker.create({ port: await findFreePortPair(), dataDir });
  await broker.start();
  return {
    brokers: broker.brokers,
    provisioned: 'local-jvm',
    release: async () => {
      await broker.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
