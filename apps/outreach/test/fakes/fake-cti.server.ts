import { randomUUID } from 'node:crypto';
import {
  checkSignedPayload,
  KEY_ID_HEADER,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
} from '../../src/channels/signed-payload';
import {
  type FakeRequest,
  type FakeResponse,
  header,
  SignedJsonPusher,
  startJsonServer,
} from '@revisit/provider-fakes';

const E164 = /^\+86(?:1[3-9]\d{9}|[2-9]\d{9,10})$/;

/** What happens when the fake dials a number; the call events follow from it. */
export interface CallScenario {
  readonly answered: boolean;
  readonly rings: number;
  readonly ringSeconds: number;
  readonly talkSeconds?: number;
  readonly hangupCause: string;
}

export const SCENARIOS = {
  answered: (talkSeconds: number): CallScenario => ({
    answered: true,
    rings: 2,
    ringSeconds: 8,
    talkSeconds,
    hangupCause: 'NORMAL_CLEARING',
  }),
  /** The phone rings for as long as it is let; the CTI's ring timeout ends it. */
  noAnswer: (): CallScenario => ({ answered: false, rings: 12, ringSeconds: 60, hangupCause: 'NO_ANSWER' }),
  busy: (): CallScenario => ({ answered: false, rings: 0, ringSeconds: 0, hangupCause: 'USER_BUSY' }),
  unreachable: (): CallScenario => ({ answered: false, rings: 0, ringSeconds: 0, hangupCause: 'SUBSCRIBER_ABSENT' }),
  lineFault: (): CallScenario => ({ answered: false, rings: 0, ringSeconds: 0, hangupCause: 'NETWORK_OUT_OF_ORDER' }),
} as const;

export interface FakeCtiOptions {
  /** Key id -> secret our requests are signed with. */
  readonly apiKeys: Readonly<Record<string, string>>;
  readonly extensions: readonly string[];
  /** Where call events go, and the key they are signed with. */
  readonly webhookUrl: string;
  readonly webhookKeyId: string;
  readonly webhookSecret: string;
  readonly now?: () => number;
}

export interface PlacedCall {
  readonly callId: string;
  readonly agentExtension: string;
  readonly callee: string;
  readonly reference: string;
  readonly ringTimeoutSeconds: number;
  readonly lineId?: string;
}

/**
 * A CTI platform speaking the generic signed protocol: checks the HMAC, the timestamp window and replays of
 * `POST /v1/calls`, then plays the scenario set for the callee (answered by default) and pushes signed
 * `ringing` / `answered` / `ended` events, cutting the ringing at the ring timeout it was asked for.
 */
export class FakeCti {
  readonly calls: PlacedCall[] = [];
  readonly pusher: SignedJsonPusher;
  private readonly scenarios = new Map<string, CallScenario>();
  private readonly seenSignatures = new Set<string>();
  private readonly pending: Promise<unknown>[] = [];
  private readonly now: () => number;

  private constructor(
    private readonly options: FakeCtiOptions,
    readonly baseUrl: string,
    readonly close: () => Promise<void>,
  ) {
    this.now = options.now ?? Date.now;
    this.pusher = new SignedJsonPusher(options.webhookKeyId, options.webhookSecret, this.now);
  }

  static async start(options: FakeCtiOptions): Promise<FakeCti> {
    // The server must exist before the fake (it needs the URL); requests cannot arrive before this returns.
    let handle = (_request: FakeRequest): FakeResponse => ({ status: 503, json: {} });
    const server = await startJsonServer((request) => handle(request));
    const fake = new FakeCti(options, server.baseUrl, server.close);
    handle = (request) => fake.handle(request);
    return fake;
  }

  when(callee: string, scenario: CallScenario): void {
    this.scenarios.set(callee, scenario);
  }

  /** Resolves when every event push started so far has been answered. */
  async settled(): Promise<void> {
    await Promise.all(this.pending);
  }

  private handle(request: FakeRequest): FakeResponse {
    const secret = this.options.apiKeys[header(request, KEY_ID_HEADER) ?? ''];
    if (secret === undefined) return refuse(401, 'UNKNOWN_KEY');
    const signature = header(request, SIGNATURE_HEADER);
    const check = checkSignedPayload({
      secret,
      timestamp: header(request, TIMESTAMP_HEADER),
      signature,
      body: request.body,
      nowMs: this.now(),
    });
    if (check === 'bad-signature') return refuse(401, 'BAD_SIGNATURE');
    if (check === 'stale' || this.seenSignatures.has(signature ?? '')) return refuse(401, 'STALE_REQUEST');
    this.seenSignatures.add(signature ?? '');
    if (request.method !== 'POST' || request.url.pathname !== '/v1/calls') return refuse(404, 'NOT_FOUND');
    const body = JSON.parse(request.body) as Partial<PlacedCall>;
    if (typeof body.agentExtension !== 'string' || !this.options.extensions.includes(body.agentExtension)) {
      return refuse(400, 'UNKNOWN_EXTENSION');
    }
    if (typeof body.callee !== 'string' || !E164.test(body.callee)) return refuse(400, 'INVALID_NUMBER');
    if (typeof body.reference !== 'string' || typeof body.ringTimeoutSeconds !== 'number') {
      return refuse(400, 'INVALID_REQUEST');
    }
    const call: PlacedCall = { ...(body as PlacedCall), callId: `call-${randomUUID()}` };
    this.calls.push(call);
    this.pending.push(this.play(call, this.scenarios.get(call.callee) ?? SCENARIOS.answered(95)));
    return { status: 201, json: { callId: call.callId } };
  }

  private async play(call: PlacedCall, scenario: CallScenario): Promise<void> {
    const start = this.now();
    const at = (seconds: number) => new Date(start + seconds * 1000).toISOString();
    const cut = !scenario.answered && scenario.ringSeconds > call.ringTimeoutSeconds;
    const ringSeconds = cut ? call.ringTimeoutSeconds : scenario.ringSeconds;
    const rings = cut ? Math.ceil(call.ringTimeoutSeconds / 5) : scenario.rings;
    const base = { callId: call.callId, reference: call.reference };
    const push = (payload: Record<string, unknown>) =>
      this.pusher.push(this.options.webhookUrl, { eventId: randomUUID(), ...base, ...payload });
    if (scenario.ringSeconds > 0) await push({ type: 'ringing', occurredAt: at(0) });
    if (scenario.answered) await push({ type: 'answered', occurredAt: at(ringSeconds) });
    const talkSeconds = scenario.answered ? (scenario.talkSeconds ?? 0) : 0;
    await push({
      type: 'ended',
      occurredAt: at(ringSeconds + talkSeconds),
      answered: scenario.answered,
      rings,
      ringSeconds,
      talkSeconds,
      hangupCause: cut ? 'ORIGINATOR_CANCEL' : scenario.hangupCause,
      hangupBy: cut ? 'network' : scenario.answered ? 'patient' : 'network',
      ...(scenario.answered ? { recordingRef: `rec/${call.callId}.wav` } : {}),
    });
  }
}

function refuse(status: number, code: string): FakeResponse {
  return { status, json: { error: { code, message: code.toLowerCase().replace(/_/g, ' ') } } };
}
