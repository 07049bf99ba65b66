import { ChannelError } from '../channel.errors';
import { callProvider, type FetchLike } from '../channel-http';
import type { IssuedAccessToken } from '../wechat/redis-access-token-cache';
import { errcodeOf } from '../wechat/wechat-api';
import { wecomErrorCode } from '../wechat/wechat-errcodes';
import { readIssuedToken, withQuery } from '../wechat/wechat-oa-token';

export const WECOM_PROVIDER = 'wecom';

export interface WecomCredentials {
  readonly corpId: string;
  /** The secret of the customer-contact (客户联系) app or a self-built app with that permission. */
  readonly corpSecret: string;
  readonly apiBase: string;
  readonly timeoutMs: number;
  readonly fetch?: FetchLike;
}

/** `GET /cgi-bin/gettoken?corpid=&corpsecret=`: a corp access token, valid 7200 s. */
export async function issueWecomToken(credentials: WecomCredentials): Promise<IssuedAccessToken> {
  const response = await callProvider(
    WECOM_PROVIDER,
    {
      method: 'GET',
      url: withQuery(new URL('/cgi-bin/gettoken', credentials.apiBase), {
        corpid: credentials.corpId,
        corpsecret: credentials.corpSecret,
      }),
      timeoutMs: credentials.timeoutMs,
    },
    credentials.fetch,
  );
  const errcode = errcodeOf(WECOM_PROVIDER, response);
  if (errcode !== 0) {
    throw new ChannelError(wecomErrorCode(errcode), WECOM_PROVIDER, String(errcode), 'access token refused');
  }
  return readIssuedToken(WECOM_PROVIDER, response.json);
}
