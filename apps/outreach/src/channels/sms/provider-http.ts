import { SmsChannelError, SmsChannelErrorCode } from './sms-channel.errors';

export interface ProviderResponse {
  readonly status: number;
  /** Parsed JSON body, or `undefined` when the body was not JSON. */
  readonly json: unknown;
}

export interface ProviderRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly timeoutMs: number;
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/**
 * POSTs a signed request. Transport failures become PROVIDER_UNAVAILABLE without the underlying message,
 * which for some network errors includes the full URL (and with it query parameters such as the phone).
 */
export async function postToProvider(
  provider: string,
  request: ProviderRequest,
  fetchImpl: FetchLike = fetch,
): Promise<ProviderResponse> {
  let response: Response;
  try {
    response = await fetchImpl(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body === '' ? undefined : request.body,
      signal: AbortSignal.timeout(request.timeoutMs),
      redirect: 'error',
    });
  } catch (error) {
    const kind = error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'network error';
    throw new SmsChannelError(SmsChannelErrorCode.PROVIDER_UNAVAILABLE, provider, undefined, kind);
  }
  const text = await response.text().catch(() => '');
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' ? value : undefined;
}
