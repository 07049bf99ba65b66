import { randomUUID } from 'node:crypto';
import {
  checkSignedPayload,
  KEY_ID_HEADER,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
} from '../../src/channels/signed-payload';
import { type FakeRequest, type FakeResponse, header, startJsonServer } from './fake-http-server';
import { SignedJsonPusher } from './signed-json-pusher';

const E164 = /^\+86(?:1[3-9]\d{9}|[2-9]\d{9,10})$/;

/** What the robot hears from one callee. */
export interface RobotScenario {
  readonly outcome: 'completed' | 'partial' | 'no-answer' | 'busy' | 'unreachable' | 'wrong-number' | 'line-fault';
  readonly answers?: Readonly<Record<string, string | number | boolean>>;
  readonly intents?: readonly string[];
  /** What the patient said to the script's open question, as the robot's speech recognition heard it. */
  readonly freeText?: string;
}

export interface FakeVoiceRobotOptions {
  readonly apiKeys: Readonly<Record<string, string>>;
  /** Script id -> variables its text needs. */
  readonly scripts: Readonly<Record<string, readonly string[]>>;
  readonly maxBatchSize?: number;
  readonly callbackUrl: string;
  readonly callbackKeyId: string;
  readonly callbackSecret: string;
  readonly now?: () => number;
}

export interface SubmittedBatch {
  readonly batchId: string;
  readonly scriptId: string;
  readonly reference: string;
  readonly calls: ReadonlyArray<{ callRef: string; callee: string; callId: string; variables: Record<string, string> }>;
}

/**
 * A voice-robot provider speaking the generic signed protocol: checks the HMAC and timestamp of
 * `POST /v1/batches`, the script and its variables, numbers and batch size; then "calls" each number and
 * pushes one signed result per call, as the scenario for that number says (a completed call by default).
 */
export class FakeVoiceRobot {
  readonly batches: SubmittedBatch[] = [];
  /** Every call result pushed so far, for `redeliver`. */
  readonly results: Record<string, unknown>[] = [];
  readonly pusher: SignedJsonPusher;
  private readonly scenarios = new Map<string, RobotScenario>();
  private readonly pending: Promise<unknown>[] = [];
  private readonly seenSignatures = new Set<string>();
  private readonly now: () => number;

  private constructor(
    private readonly options: FakeVoiceRobotOptions,
    readonly baseUrl: string,
    readonly close: () => Promise<void>,
  ) {
    this.now = options.now ?? Date.now;
    this.pusher = new SignedJsonPusher(options.callbackKeyId, options.callbackSecret, this.now);
  }

  static async start(options: FakeVoiceRobotOptions): Promise<FakeVoiceRobot> {
    // The server must exist before the fake (it needs the URL); requests cannot arrive before this returns.
    let handle = (_request: FakeRequest): FakeResponse => ({ status: 503, json: {} });
    const server = await startJsonServer((request) => handle(request));
    const fake = new FakeVoiceRobot(options, server.baseUrl, server.close);
    handle = (request) => fake.handle(request);
    return fake;
  }

  when(callee: string, scenario: RobotScenario): void {
    this.scenarios.set(callee, scenario);
  }

  async settled(): Promise<void> {
    await Promise.all(this.pending);
  }

  /** Pushes every result again, as providers do when they are unsure the first push arrived. */
  async redeliver(): Promise<number[]> {
    const statuses: number[] = [];
    for (const result of this.results) statuses.push(await this.pusher.push(this.options.callbackUrl, result));
    return statuses;
  }

  private handle(request: FakeRequest): FakeResponse {
    const secret = this.options.apiKeys[header(request, KEY_ID_HEADER) ?? ''];
    if (secret === undefined) return refuse(401, 'UNKNOWN_KEY');
    const signature = header(request, SIGNATURE_HEADER) ?? '';
    const check = checkSignedPayload({
      secret,
      timestamp: header(request, TIMESTAMP_HEADER),
      signature,
      body: request.body,
      nowMs: this.now(),
    });
    if (check === 'bad-signature') return refuse(401, 'BAD_SIGNATURE');
    if (check === 'stale' || this.seenSignatures.has(signature)) return refuse(401, 'STALE_REQUEST');
    this.seenSignatures.add(signature);
    if (request.method !== 'POST' || request.url.pathname !== '/v1/batches') return refuse(404, 'NOT_FOUND');
    const body = JSON.parse(request.body) as {
      scriptId?: string;
      reference?: string;
      calls?: Array<{ callRef: string; callee: string; variables?: Record<string, string> }>;
    };
    const needs = this.options.scripts[body.scriptId ?? ''];
    if (needs === undefined) return refuse(400, 'UNKNOWN_SCRIPT');
    const calls = body.calls ?? [];
    if (calls.length === 0 || calls.length > (this.options.maxBatchSize ?? 1000)) return refuse(400, 'BATCH_TOO_LARGE');
    if (calls.some((call) => !E164.test(call.callee))) return refuse(400, 'INVALID_NUMBER');
    if (calls.some((call) => needs.some((name) => typeof call.variables?.[name] !== 'string'))) {
      return refuse(400, 'MISSING_VARIABLE');
    }
    const batch: SubmittedBatch = {
      batchId: `batch-${randomUUID()}`,
      scriptId: body.scriptId ?? '',
      reference: body.reference ?? '',
      calls: calls.map((call) => ({ ...call, variables: call.variables ?? {}, callId: `rc-${randomUUID()}` })),
    };
    this.batches.push(batch);
    this.pending.push(this.run(batch));
    return {
      status: 201,
      json: { batchId: batch.batchId, calls: batch.calls.map(({ callRef, callId }) => ({ callRef, callId })) },
    };
  }

  private async run(batch: SubmittedBatch): Promise<void> {
    for (const call of batch.calls) {
      const scenario = this.scenarios.get(call.callee) ?? {
        outcome: 'completed',
        answers: { satisfaction: 5, 'takes-medication-as-prescribed': true },
      };
      const answered = scenario.outcome === 'completed' || scenario.outcome === 'partial';
      const start = this.now();
      const ringSeconds = scenario.outcome === 'no-answer' ? 21 : answered ? 6 : 0;
      const talkSeconds = answered ? 58 : 0;
      const result = {
        eventId: randomUUID(),
        batchId: batch.batchId,
        callId: call.callId,
        callRef: call.callRef,
        outcome: scenario.outcome,
        startedAt: new Date(start).toISOString(),
        endedAt: new Date(start + (ringSeconds + talkSeconds) * 1000).toISOString(),
        rings: Math.ceil(ringSeconds / 5),
        ringSeconds,
        talkSeconds,
        answers: answered ? (scenario.answers ?? {}) : {},
        ...(scenario.intents ? { intents: scenario.intents } : {}),
        ...(answered ? { recordingRef: `robot/${call.callId}.mp3` } : {}),
        scriptId: batch.scriptId,
        ...(answered && scenario.freeText !== undefined ? { freeText: scenario.freeText } : {}),
      };
      this.results.push(result);
      await this.pusher.push(this.options.callbackUrl, result);
    }
  }
}

function refuse(status: number, code: string): FakeResponse {
  return { status, json: { error: { code, message: code.toLowerCase().replace(/_/g, ' ') } } };
}
