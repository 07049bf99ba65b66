import { composeStop, type ComposeInfraService } from './docker/docker-compose';
import { LocalKafkaBroker } from './kafka/local-kafka-broker';
import { findRepoRoot } from './repo-root';
import { clearInfraState, infraDir, localBrokerDataDir, readInfraState } from './state/infra-state';

export interface InfraDownResult {
  /** Human-readable list of what was stopped; empty when nothing had been started. */
  readonly stopped: string[];
}

/** Stops what `infraUp` started (as recorded in the state file) and forgets it. Data is kept. */
export async function infraDown(options: { env?: NodeJS.ProcessEnv; root?: string } = {}): Promise<InfraDownResult> {
  const env = options.env ?? process.env;
  const root = options.root ?? findRepoRoot();
  const dir = infraDir(env, root);
  const state = readInfraState(dir);
  if (!state) return { stopped: await stopUnrecordedBroker(localBrokerDataDir(env, dir)) };

  const stopped: string[] = [];
  if (state.kafka.kind === 'local-jvm') {
    const broker = LocalKafkaBroker.attach(state.kafka.dataDir);
    if (await broker.isRunning()) {
      await broker.stop();
      stopped.push(`kafka (local broker, pid ${state.kafka.pid ?? '?'})`);
    }
  }
  if (state.composeServices.length > 0) {
    await composeStop(root, state.composeServices as ComposeInfraService[]);
    stopped.push(...state.composeServices.map((service) => `${service} (docker compose)`));
  }
  clearInfraState(dir);
  return { stopped };
}

/** A broker whose `up` was interrupted before the state file was written is still ours to stop. */
async function stopUnrecordedBroker(dataDir: string): Promise<string[]> {
  const broker = await LocalKafkaBroker.findRunning(dataDir);
  if (!broker) return [];
  const pid = broker.processId;
  await broker.stop();
  return [`kafka (local broker, pid ${pid ?? '?'})`];
}
