import { randomUUID } from 'node:crypto';
import { checkSignedPayload, KEY_ID_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './protocol/signed-payload';
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
  /** Where results are pushed; may be changed later (`callbackUrl`), e.g. to a restarted service. */
  readonly callbackUrl: string;
  readonly callbackKeyId: string;
  readonly callbackSecret: string;
  readonly now?: () => number;
  /** Called once a new batch is accepted, before the answer is sent (a test may kill the caller here). */
  readonly onAccepted?: (batch: SubmittedBatch) => void;
  /** What a callee without a `when` scenario does (the demo's simulated patients); a completed call if unset. */
  readonly scenarioFor?: (call: { readonly callee: string; readonly callRef: string }) => RobotScenario;
  /** Fixed local port; a free one if unset. */
  readonly port?: number;
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
  /** Every `POST /v1/batches` that passed the checks, including repeats of a known reference. */
  readonly submissions: string[] = [];
  /** Every `GET /v1/batches?reference=` query. */
  readonly queries: string[] = [];
  callbackUrl: string;
  /** While true, results are kept (in `results`) instead of pushed: `redeliver` sends them. */
  holdResults = false;
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
    this.callbackUrl = options.callbackUrl;
    this.pusher = new SignedJsonPusher(options.callbackKeyId, options.callbackSecret, this.now);
  }

  static async start(options: FakeVoiceRobotOptions): Promise<FakeVoiceRobot> {
    // The server must exist before the fake (it needs the URL); requests cannot arrive before this returns.
    let handle = (_request: FakeRequest): FakeResponse => ({ status: 503, json: {} });
    const server = await startJsonServer((request) => handle(request), options.port);
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
    for (const result of this.results) statuses.push(await this.pusher.push(this.callbackUrl, result));
    return statuses;
  }

  private handle(request: FakeRequest): FakeResponse {
    const secret = this.options.apiKeys[header(request, KEY_ID_HEADER) ?? ''];
    if (secret === undefined) return refuse(401, 'UNKNOWN_KEY');
    const signature = header(request, SIGNATURE_HEADER) ?? '';
    const target = `${request.url.pathname}${request.url.search}`;
    const check = checkSignedPayload({
      secret,
      timestamp: header(request, TIMESTAMP_HEADER),
      signature,
      // A GET has no body: the protocol signs `GET <path?query>` instead.
      body: request.method === 'GET' ? `GET ${target}` : request.body,
      nowMs: this.now(),
    });
    if (check === 'bad-signature') return refuse(401, 'BAD_SIGNATURE');
    if (check === 'stale' || this.seenSignatures.has(signature)) return refuse(401, 'STALE_REQUEST');
    this.seenSignatures.add(signature);
    if (request.url.pathname !== '/v1/batches') return refuse(404, 'NOT_FOUND');
    if (request.method === 'GET') {
      const reference = request.url.searchParams.get('reference') ?? '';
      this.queries.push(reference);
      const known = this.batches.find((batch) => batch.reference === reference);
      return known ? { status: 200, json: answer(known) } : refuse(404, 'BATCH_NOT_FOUND');
    }
    if (request.method !== 'POST') return refuse(404, 'NOT_FOUND');
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
    this.submissions.push(body.reference ?? '');
    // Idempotent per reference, as the protocol promises: a repeat places no new calls.
    const known = this.batches.find((batch) => batch.reference === (body.reference ?? ''));
    if (known) return { status: 200, json: answer(known) };
    const batch: SubmittedBatch = {
      batchId: `batch-${randomUUID()}`,
      scriptId: body.scriptId ?? '',
      reference: body.reference ?? '',
      calls: calls.map((call) => ({ ...call, variables: call.variables ?? {}, callId: `rc-${randomUUID()}` })),
    };
    this.batches.push(batch);
    this.options.onAccepted?.(batch);
    this.pending.push(this.run(batch));
    return { status: 201, json: answer(batch) };
  }

  private async run(batch: SubmittedBatch): Promise<void> {
    for (const call of batch.calls) {
      const scenario = this.scenarios.get(call.callee) ??
        this.options.scenarioFor?.(call) ?? {
          outcome: 'completed',
          answers: { satisfaction: 5, 'takes-medication-as-prescribed': true },
        };
      const answered = scenario.outcome === 'completed' || scenario.outcome === 'partial';
      const ringSeconds = scenario.outcome === 'no-answer' ? 21 : answered ? 6 : 0;
      const talkSeconds = answered ? 58 : 0;
      // Results are pushed as each call ends: the call started that long before now.
      const start = this.now() - (ringSeconds + talkSeconds) * 1000;
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
      if (!this.holdResults) await this.pusher.push(this.callbackUrl, result);
    }
  }
}

function answer(batch: SubmittedBatch) {
  return { batchId: batch.batchId, calls: batch.calls.map(({ callRef, callId }) => ({ callRef, callId })) };
}

function refuse(status: number, code: string): FakeResponse {
  return { status, json: { error: { code, message: code.toLowerCase().replace(/_/g, ' ') } } };
}
