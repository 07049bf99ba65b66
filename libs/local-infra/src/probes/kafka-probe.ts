import { Kafka, logLevel } from 'kafkajs';
import { delay } from '../process/process-control';

export interface ProbeResult {
  readonly reachable: boolean;
  /** Short reason when unreachable; never contains credentials. */
  readonly detail?: string;
}

/** One describeCluster round trip with short timeouts and no retries: is a broker answering right now? */
export async function probeKafka(brokers: readonly string[], timeoutMs = 3_000): Promise<ProbeResult> {
  const kafka = new Kafka({
    clientId: 'revisit-infra-probe',
    brokers: [...brokers],
    connectionTimeout: timeoutMs,
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0 ? { reachable: true } : { reachable: false, detail: 'no broker in cluster' };
  } catch (err) {
    return { reachable: false, detail: err instanceof Error ? err.message : String(err) };
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/**
 * Polls until describeCluster succeeds or the deadline passes. `stillStarting` lets the caller stop
 * waiting early when the broker process has already died.
 */
export async function waitForKafka(
  brokers: readonly string[],
  options: { timeoutMs: number; stillStarting?: () => Promise<boolean> },
): Promise<ProbeResult> {
  const deadline = Date.now() + options.timeoutMs;
  let last: ProbeResult = { reachable: false, detail: 'not probed yet' };
  while (Date.now() < deadline) {
    last = await probeKafka(brokers, 2_000);
    if (last.reachable) return last;
    if (options.stillStarting && !(await options.stillStarting())) {
      return { reachable: false, detail: 'broker process exited' };
    }
    await delay(250);
  }
  return last;
}

/**
 * Polls until a group coordinator answers. A fresh broker creates `__consumer_offsets`, and with it every
 * group coordinator, only when the first group asks; a consumer joining before then crashes and rejoins
 * only after kafkajs's restart back-off. Asking once at start-up spares every service and test that wait.
 */
export async function waitForGroupCoordinator(
  brokers: readonly string[],
  options: { timeoutMs: number },
): Promise<ProbeResult> {
  const kafka = new Kafka({
    clientId: 'revisit-infra-probe',
    brokers: [...brokers],
    connectionTimeout: 2_000,
    requestTimeout: 5_000,
    retry: { retries: 0 },
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  const deadline = Date.now() + options.timeoutMs;
  let last: ProbeResult = { reachable: false, detail: 'not probed yet' };
  try {
    await admin.connect();
    while (Date.now() < deadline) {
      try {
        await admin.describeGroups(['revisit-infra-probe']);
        return { reachable: true };
      } catch (err) {
        last = { reachable: false, detail: err instanceof Error ? err.message : String(err) };
      }
      await delay(250);
    }
    return last;
  } catch (err) {
    return { reachable: false, detail: err instanceof Error ? err.message : String(err) };
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
