import { PhoneNumber } from '@revisit/domain';
import type { ChannelSendResult } from '../channel.port';
import { ChannelError, ChannelErrorCode } from '../channel.errors';
import { callProvider, type FetchLike, isRecord } from '../channel-http';
import { signedHeaders } from '../signed-payload';
import type { ClickToCallRequest, CtiPort } from './cti.port';
import { ringTimeoutSeconds, type RingPolicy, TCM_RING_POLICY } from './ring-policy';

export const HTTP_CTI_PROVIDER = 'http-cti';

export interface HttpCtiOptions {
  /** Base URL of the CTI's REST API. */
  readonly baseUrl: string;
  readonly keyId: string;
  /** Signs our requests (`x-revisit-signature`). */
  readonly apiSecret: string;
  readonly timeoutMs: number;
  readonly ringPolicy?: RingPolicy;
  readonly fetch?: FetchLike;
  readonly now?: () => number;
}

/** CTI error codes of the generic protocol (README, "Phone") mapped to ours. */
const CTI_ERRORS: Readonly<Record<string, ChannelErrorCode>> = {
  INVALID_NUMBER: ChannelErrorCode.INVALID_RECIPIENT,
  UNKNOWN_EXTENSION: ChannelErrorCode.REJECTED,
  EXTENSION_BUSY: ChannelErrorCode.RATE_LIMITED,
  NO_FREE_LINE: ChannelErrorCode.RATE_LIMITED,
  BAD_SIGNATURE: ChannelErrorCode.AUTH_FAILED,
  STALE_REQUEST: ChannelErrorCode.AUTH_FAILED,
  UNKNOWN_KEY: ChannelErrorCode.AUTH_FAILED,
};

/**
 * Click-to-call through any CTI that speaks the generic signed HTTP protocol: `POST /v1/calls`, answered
 * `201 {"callId"}`; call events come back on the webhook (`CtiWebhook`).
 */
export class HttpCtiChannel implements CtiPort {
  readonly channel = 'phone-agent' as const;
  readonly provider = HTTP_CTI_PROVIDER;
  readonly #secret: string;
  readonly #options: Omit<HttpCtiOptions, 'apiSecret'>;

  constructor(options: HttpCtiOptions) {
    const { apiSecret, ...rest } = options;
    this.#secret = apiSecret;
    this.#options = rest;
  }

  async send(request: ClickToCallRequest): Promise<ChannelSendResult> {
    const parsed = PhoneNumber.parse(request.patientPhone);
    if (!parsed.ok || !request.patientPhone.startsWith('+')) {
      throw new ChannelError(ChannelErrorCode.INVALID_RECIPIENT, HTTP_CTI_PROVIDER, undefined, 'not an E.164 number');
    }
    const body = JSON.stringify({
      agentExtension: request.agentExtension,
      callee: request.patientPhone,
      reference: request.reference,
      ringTimeoutSeconds: ringTimeoutSeconds(this.#options.ringPolicy ?? TCM_RING_POLICY),
      ...(request.lineId === undefined ? {} : { lineId: request.lineId }),
    });
    const now = this.#options.now?.() ?? Date.now();
    const response = await callProvider(
      HTTP_CTI_PROVIDER,
      {
        method: 'POST',
        url: new URL('/v1/calls', this.#options.baseUrl).toString(),
        headers: signedHeaders(this.#options.keyId, this.#secret, body, now),
        body,
        timeoutMs: this.#options.timeoutMs,
      },
      this.#options.fetch,
    );
    const callId = isRecord(response.json) ? response.json['callId'] : undefined;
    if (response.status === 201 && typeof callId === 'string' && callId !== '') return { providerMessageId: callId };
    throw providerError(HTTP_CTI_PROVIDER, response.status, response.json, CTI_ERRORS);
  }
}

/** The error for a refused request of the generic protocol: `{"error":{"code":"..."}}`. */
export function providerError(
  provider: string,
  status: number,
  json: unknown,
  codes: Readonly<Record<string, ChannelErrorCode>>,
): ChannelError {
  const error = isRecord(json) && isRecord(json['error']) ? json['error'] : undefined;
  const code = typeof error?.['code'] === 'string' ? error['code'] : undefined;
  if (status >= 500 || code === undefined) {
    return new ChannelError(ChannelErrorCode.PROVIDER_UNAVAILABLE, provider, code, `HTTP ${status}`);
  }
  const mapped = codes[code] ?? (status === 429 ? ChannelErrorCode.RATE_LIMITED : ChannelErrorCode.REJECTED);
  return new ChannelError(mapped, provider, code, `HTTP ${status}`);
}
