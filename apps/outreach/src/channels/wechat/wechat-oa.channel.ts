import type { RedisClient } from '@revisit/persistence';
import type { ChannelSendResult, OutreachChannelPort } from '../channel.port';
import { ChannelError, ChannelErrorCode } from '../channel.errors';
import { type FetchLike, integerMemberAsText } from '../channel-http';
import { RedisAccessTokenCache } from './redis-access-token-cache';
import { postWithAccessToken } from './wechat-api';
import { wechatErrorCode } from './wechat-errcodes';
import { issueWechatOaToken, WECHAT_OA_PROVIDER, type WechatTokenGrant } from './wechat-oa-token';

/** A mini program page a message opens instead of (or before) the URL. */
export interface WechatMiniProgramLink {
  readonly appId: string;
  readonly pagePath: string;
}

interface WechatMessageBase {
  /** The patient's openid under this Official Account. */
  readonly openId: string;
  readonly templateId: string;
  /** Template keywords (`thing1`, `time2`, `keyword1`, ...) to their values. */
  readonly data: Readonly<Record<string, string>>;
  readonly miniProgram?: WechatMiniProgramLink;
}

/** 模板消息 (`/cgi-bin/message/template/send`). */
export interface WechatTemplateMessage extends WechatMessageBase {
  readonly kind: 'template';
  readonly url?: string;
  /** De-duplication id (`client_msg_id`): WeChat refuses a second send with the same id. */
  readonly reference?: string;
}

/** 订阅通知 (`/cgi-bin/message/subscribe/bizsend`): needs the patient's subscription to the template. */
export interface WechatSubscribeMessage extends WechatMessageBase {
  readonly kind: 'subscribe';
  /** Web page the notice opens. */
  readonly page?: string;
}

export type WechatOaMessage = WechatTemplateMessage | WechatSubscribeMessage;

export interface WechatOaOptions {
  readonly appId: string;
  readonly appSecret: string;
  /** `https://api.weixin.qq.com`, or a fake's base URL in tests. */
  readonly apiBase: string;
  readonly tokenGrant: WechatTokenGrant;
  readonly timeoutMs: number;
  readonly redis: RedisClient;
  readonly fetch?: FetchLike;
  /** Overrides of the token cache's timing (tests). */
  readonly tokenCache?: { readonly refreshMarginMs?: number; readonly waitTimeoutMs?: number };
}

/** Sends WeChat Official Account template and subscribe messages with a Redis-shared access token. */
export class WechatOaChannel implements OutreachChannelPort<WechatOaMessage> {
  readonly channel = 'wechat-oa' as const;
  readonly provider = WECHAT_OA_PROVIDER;
  readonly #tokens: RedisAccessTokenCache;
  readonly #options: Omit<WechatOaOptions, 'appSecret' | 'redis'>;

  constructor(options: WechatOaOptions) {
    const { appSecret, redis, ...rest } = options;
    this.#options = rest;
    const credentials = { ...rest, appSecret, grant: options.tokenGrant };
    this.#tokens = new RedisAccessTokenCache({
      redis,
      key: `outreach:access-token:wechat-oa:${options.appId}`,
      provider: WECHAT_OA_PROVIDER,
      issue: (forced) => issueWechatOaToken(credentials, forced),
      ...options.tokenCache,
    });
  }

  async send(message: WechatOaMessage): Promise<ChannelSendResult> {
    const data = Object.fromEntries(Object.entries(message.data).map(([key, value]) => [key, { value }]));
    const miniprogram =
      message.miniProgram === undefined
        ? undefined
        : { appid: message.miniProgram.appId, pagepath: message.miniProgram.pagePath };
    const [path, body] =
      message.kind === 'template'
        ? [
            '/cgi-bin/message/template/send',
            {
              touser: message.openId,
              template_id: message.templateId,
              url: message.url,
              miniprogram,
              data,
              client_msg_id: message.reference,
            },
          ]
        : [
            '/cgi-bin/message/subscribe/bizsend',
            { touser: message.openId, template_id: message.templateId, page: message.page, miniprogram, data },
          ];
    const response = await postWithAccessToken({
      provider: WECHAT_OA_PROVIDER,
      tokens: this.#tokens,
      apiBase: this.#options.apiBase,
      path,
      body,
      timeoutMs: this.#options.timeoutMs,
      fetch: this.#options.fetch,
      errorCode: wechatErrorCode,
    });
    const msgid = integerMemberAsText(response.text, 'msgid');
    if (msgid === undefined) {
      throw new ChannelError(ChannelErrorCode.PROVIDER_UNAVAILABLE, WECHAT_OA_PROVIDER, undefined, 'no msgid');
    }
    return { providerMessageId: msgid };
  }
}
