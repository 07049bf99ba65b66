import { ChannelError, ChannelErrorCode } from './channel.errors';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface ChannelHttpRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs: number;
}

export interface ChannelHttpResponse {
  readonly status: number;
  /** The body as text: some providers send 64-bit ids that `JSON.parse` would round. */
  readonly text: string;
  /** Parsed JSON body, or `undefined` when it was not JSON. */
  readonly json: unknown;
}

/**
 * One provider call. Transport failures become PROVIDER_UNAVAILABLE without the underlying message, which
 * for some network errors includes the URL (and with it an access token or query parameters).
 */
export async function callProvider(
  provider: string,
  request: ChannelHttpRequest,
  fetchImpl: FetchLike = fetch,
): Promise<ChannelHttpResponse> {
  let response: Response;
  try {
    response = await fetchImpl(request.url, {
      method: request.method,
      headers: request.headers ?? {},
      body: request.body,
      signal: AbortSignal.timeout(request.timeoutMs),
      redirect: 'error',
    });
  } catch (error) {
    const kind = error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'network error';
    throw new ChannelError(ChannelErrorCode.PROVIDER_UNAVAILABLE, provider, undefined, kind);
  }
  const text = await response.text().catch(() => '');
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A numeric JSON member read from the raw text, digits intact (WeChat `msgid` exceeds 2^53). */
export function integerMemberAsText(text: string, member: string): string | undefined {
  return new RegExp(`"${member}"\\s*:\\s*"?(\\d+)"?`).exec(text)?.[1];
}
