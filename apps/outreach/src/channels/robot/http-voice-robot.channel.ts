import { randomUUID } from 'node:crypto';
import { PhoneNumber } from '@revisit/domain';
import type { ChannelSendResult } from '../channel.port';
import { ChannelError, ChannelErrorCode } from '../channel.errors';
import { callProvider, type FetchLike, isRecord } from '../channel-http';
import { providerError } from '../phone/http-cti.channel';
import { ringTimeoutSeconds, type RingPolicy, TCM_RING_POLICY } from '../phone/ring-policy';
import { signedHeaders } from '../signed-payload';
import type { RobotCall, RobotCallBatch, SubmittedRobotBatch, VoiceRobotPort } from './voice-robot.port';

export const HTTP_VOICE_ROBOT_PROVIDER = 'http-voice-robot';
const MAX_BATCH = 1000;

export interface HttpVoiceRobotOptions {
  readonly baseUrl: string;
  readonly keyId: string;
  readonly apiSecret: string;
  readonly timeoutMs: number;
  readonly ringPolicy?: RingPolicy;
  readonly fetch?: FetchLike;
  readonly now?: () => number;
}

const ROBOT_ERRORS: Readonly<Record<string, ChannelErrorCode>> = {
  UNKNOWN_SCRIPT: ChannelErrorCode.TEMPLATE_REJECTED,
  MISSING_VARIABLE: ChannelErrorCode.TEMPLATE_REJECTED,
  INVALID_NUMBER: ChannelErrorCode.INVALID_RECIPIENT,
  BATCH_TOO_LARGE: ChannelErrorCode.REJECTED,
  CONCURRENCY_LIMIT: ChannelErrorCode.RATE_LIMITED,
  BAD_SIGNATURE: ChannelErrorCode.AUTH_FAILED,
  STALE_REQUEST: ChannelErrorCode.AUTH_FAILED,
  UNKNOWN_KEY: ChannelErrorCode.AUTH_FAILED,
};

/**
 * Voice-robot batches over the generic signed HTTP protocol: `POST /v1/batches` (idempotent per `reference`),
 * `GET /v1/batches?reference=` (signed over `GET <target>`), results on the callback.
 */
export class HttpVoiceRobotChannel implements VoiceRobotPort {
  readonly channel = 'phone-robot' as const;
  readonly provider = HTTP_VOICE_ROBOT_PROVIDER;
  readonly #secret: string;
  readonly #options: Omit<HttpVoiceRobotOptions, 'apiSecret'>;

  constructor(options: HttpVoiceRobotOptions) {
    const { apiSecret, ...rest } = options;
    this.#secret = apiSecret;
    this.#options = rest;
  }

  async send(call: RobotCall & { readonly scriptId: string }): Promise<ChannelSendResult> {
    const { scriptId, ...single } = call;
    const submitted = await this.submitBatch({ scriptId, reference: call.callRef, calls: [single] });
    const callId = submitted.callIds.get(call.callRef);
    if (callId === undefined) {
      throw new ChannelError(ChannelErrorCode.PROVIDER_UNAVAILABLE, this.provider, undefined, 'call id missing');
    }
    return { providerMessageId: callId };
  }

  async submitBatch(batch: RobotCallBatch): Promise<SubmittedRobotBatch> {
    if (batch.calls.length === 0 || batch.calls.length > MAX_BATCH) {
      throw new ChannelError(ChannelErrorCode.REJECTED, this.provider, undefined, `batch of 1..${MAX_BATCH} calls`);
    }
    if (batch.calls.some((call) => !isE164(call.patientPhone))) {
      throw new ChannelError(ChannelErrorCode.INVALID_RECIPIENT, this.provider, undefined, 'not an E.164 number');
    }
    const body = JSON.stringify({
      // A nonce: the provider drops a signature it has seen, and a repeated batch must still be heard.
      requestId: randomUUID(),
      scriptId: batch.scriptId,
      reference: batch.reference,
      ringTimeoutSeconds: ringTimeoutSeconds(this.#options.ringPolicy ?? TCM_RING_POLICY),
      calls: batch.calls.map((call) => ({
        callRef: call.callRef,
        callee: call.patientPhone,
        variables: call.variables,
      })),
    });
    const response = await callProvider(
      this.provider,
      {
        method: 'POST',
        url: new URL('/v1/batches', this.#options.baseUrl).toString(),
        headers: signedHeaders(this.#options.keyId, this.#secret, body, this.#options.now?.() ?? Date.now()),
        body,
        timeoutMs: this.#options.timeoutMs,
      },
      this.#options.fetch,
    );
    // 200: the provider already held a batch under this reference and placed no new calls.
    return submittedBatch(this.provider, response.status, response.json, [200, 201]);
  }

  async findBatch(reference: string): Promise<SubmittedRobotBatch | undefined> {
    // The nonce keeps two queries for the same batch within a second from looking like a replay.
    const target = `/v1/batches?reference=${encodeURIComponent(reference)}&nonce=${randomUUID()}`;
    const response = await callProvider(
      this.provider,
      {
        method: 'GET',
        url: new URL(target, this.#options.baseUrl).toString(),
        // A GET has no body: the request target is signed instead, so each query carries its own MAC.
        headers: signedHeaders(this.#options.keyId, this.#secret, `GET ${target}`, this.#options.now?.() ?? Date.now()),
        timeoutMs: this.#options.timeoutMs,
      },
      this.#options.fetch,
    );
    if (response.status === 404 && isRecord(response.json) && isRecord(response.json['error'])) {
      if (response.json['error']['code'] === 'BATCH_NOT_FOUND') return undefined;
    }
    return submittedBatch(this.provider, response.status, response.json, [200]);
  }
}

function submittedBatch(provider: string, status: number, json: unknown, ok: readonly number[]): SubmittedRobotBatch {
  if (!ok.includes(status) || !isRecord(json) || typeof json['batchId'] !== 'string') {
    throw providerError(provider, status, json, ROBOT_ERRORS);
  }
  const calls = Array.isArray(json['calls']) ? json['calls'].filter(isRecord) : [];
  const callIds = new Map(
    calls
      .filter((c) => typeof c['callRef'] === 'string' && typeof c['callId'] === 'string')
      .map((c) => [c['callRef'] as string, c['callId'] as string]),
  );
  return { batchId: json['batchId'], callIds };
}

function isE164(value: string): boolean {
  return value.startsWith('+') && PhoneNumber.parse(value).ok;
}
