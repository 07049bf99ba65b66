import { ChannelError, ChannelErrorCode } from '../channel.errors';
import { callProvider, type FetchLike, isRecord } from '../channel-http';
import type { IssuedAccessToken } from './redis-access-token-cache';
import { errcodeOf } from './wechat-api';
import { wechatErrorCode } from './wechat-errcodes';

export const WECHAT_OA_PROVIDER = 'wechat-oa';

/**
 * `token`: `GET /cgi-bin/token` (each call revokes the previous token after 5 minutes).
 * `stable_token`: `POST /cgi-bin/stable_token`, which returns the same token until it nears expiry and is
 * the better choice when other systems share the AppID.
 */
export type WechatTokenGrant = 'token' | 'stable_token';

export interface WechatOaCredentials {
  readonly appId: string;
  readonly appSecret: string;
  readonly apiBase: string;
  readonly grant: WechatTokenGrant;
  readonly timeoutMs: number;
  readonly fetch?: FetchLike;
}

/** Asks WeChat for an Official Account access token. */
export async function issueWechatOaToken(
  credentials: WechatOaCredentials,
  forceRefresh: boolean,
): Promise<IssuedAccessToken> {
  const { appId, appSecret, apiBase, grant, timeoutMs } = credentials;
  const response =
    grant === 'token'
      ? await callProvider(
          WECHAT_OA_PROVIDER,
          {
            method: 'GET',
            url: withQuery(new URL('/cgi-bin/token', apiBase), {
              grant_type: 'client_credential',
              appid: appId,
              secret: appSecret,
            }),
            timeoutMs,
          },
          credentials.fetch,
        )
      : await callProvider(
          WECHAT_OA_PROVIDER,
          {
            method: 'POST',
            url: new URL('/cgi-bin/stable_token', apiBase).toString(),
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              grant_type: 'client_credential',
              appid: appId,
              secret: appSecret,
              force_refresh: forceRefresh,
            }),
            timeoutMs,
          },
          credentials.fetch,
        );
  const errcode = errcodeOf(WECHAT_OA_PROVIDER, response);
  if (errcode !== 0) {
    throw new ChannelError(wechatErrorCode(errcode), WECHAT_OA_PROVIDER, String(errcode), 'access token refused');
  }
  return readIssuedToken(WECHAT_OA_PROVIDER, response.json);
}

export function readIssuedToken(provider: string, json: unknown): IssuedAccessToken {
  const token = isRecord(json) ? json['access_token'] : undefined;
  const expiresIn = isRecord(json) ? json['expires_in'] : undefined;
  if (typeof token !== 'string' || token === '' || typeof expiresIn !== 'number' || expiresIn <= 0) {
    throw new ChannelError(ChannelErrorCode.PROVIDER_UNAVAILABLE, provider, undefined, 'token answer unreadable');
  }
  return { token, expiresInSeconds: expiresIn };
}

export function withQuery(url: URL, query: Readonly<Record<string, string>>): string {
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.toString();
}
