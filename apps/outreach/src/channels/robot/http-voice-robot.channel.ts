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

/** Voice-robot batches over the generic signed HTTP protocol: `POST /v1/batches`, results on the callback. */
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
    const json = response.json;
    if (response.status !== 201 || !isRecord(json) || typeof json['batchId'] !== 'string') {
      throw providerError(this.provider, response.status, json, ROBOT_ERRORS);
    }
    const calls = Array.isArray(json['calls']) ? json['calls'].filter(isRecord) : [];
    const callIds = new Map(
      calls
        .filter((c) => typeof c['callRef'] === 'string' && typeof c['callId'] === 'string')
        .map((c) => [c['callRef'] as string, c['callId'] as string]),
    );
    return { batchId: json['batchId'], callIds };
  }
}

function isE164(value: string): boolean {
  return value.startsWith('+') && PhoneNumber.parse(value).ok;
}
