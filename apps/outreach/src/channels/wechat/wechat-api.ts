import { ChannelError, ChannelErrorCode } from '../channel.errors';
import { callProvider, type ChannelHttpResponse, type FetchLike, isRecord } from '../channel-http';
import type { RedisAccessTokenCache } from './redis-access-token-cache';
import { TOKEN_REJECTED_ERRCODES } from './wechat-errcodes';

export interface WechatApiCall {
  readonly provider: string;
  readonly tokens: RedisAccessTokenCache;
  readonly apiBase: string;
  /** e.g. `/cgi-bin/message/template/send`. */
  readonly path: string;
  readonly body: unknown;
  readonly timeoutMs: number;
  readonly fetch?: FetchLike;
  /** Maps a provider errcode to ours (WeChat and WeCom differ). */
  readonly errorCode: (errcode: number) => ChannelErrorCode;
}

/**
 * POSTs JSON to a WeChat-family API with `?access_token=`. When the provider calls the token invalid or
 * expired (another replica or the console revoked it), the token is replaced once and the call retried.
 */
export async function postWithAccessToken(call: WechatApiCall): Promise<ChannelHttpResponse> {
  let token = await call.tokens.get();
  for (let attempt = 1; ; attempt += 1) {
    const response = await post(call, token);
    const errcode = errcodeOf(call.provider, response);
    if (errcode === 0) return response;
    if (TOKEN_REJECTED_ERRCODES.has(errcode) && attempt === 1) {
      token = await call.tokens.replace(token);
      continue;
    }
    // errmsg can quote the rejected data (openid, template values); only the code is kept.
    throw new ChannelError(call.errorCode(errcode), call.provider, String(errcode), `HTTP ${response.status}`);
  }
}

function post(call: WechatApiCall, token: string): Promise<ChannelHttpResponse> {
  const url = new URL(call.path, call.apiBase);
  url.searchParams.set('access_token', token);
  return callProvider(
    call.provider,
    {
      method: 'POST',
      url: url.toString(),
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(call.body),
      timeoutMs: call.timeoutMs,
    },
    call.fetch,
  );
}

/** The errcode of an answer (absent means success for some APIs), or PROVIDER_UNAVAILABLE if unreadable. */
export function errcodeOf(provider: string, response: ChannelHttpResponse): number {
  if (response.status >= 500 || !isRecord(response.json)) {
    throw new ChannelError(ChannelErrorCode.PROVIDER_UNAVAILABLE, provider, undefined, `HTTP ${response.status}`);
  }
  const errcode = response.json['errcode'];
  if (errcode === undefined) return 0;
  if (typeof errcode !== 'number') {
    throw new ChannelError(ChannelErrorCode.PROVIDER_UNAVAILABLE, provider, undefined, 'errcode is not a number');
  }
  return errcode;
}
