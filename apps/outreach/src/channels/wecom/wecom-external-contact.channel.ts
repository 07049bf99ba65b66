import type { RedisClient } from '@revisit/persistence';
import type { ChannelOutcome, ChannelSendResult, Disposition, OutreachChannelPort } from '../channel.port';
import { ChannelError, ChannelErrorCode } from '../channel.errors';
import { type FetchLike, isRecord } from '../channel-http';
import { RedisAccessTokenCache } from '../wechat/redis-access-token-cache';
import { postWithAccessToken } from '../wechat/wechat-api';
import { wecomErrorCode } from '../wechat/wechat-errcodes';
import { issueWecomToken, WECOM_PROVIDER } from './wecom-token';

/** A link card shown under the text (the questionnaire link, a health article). */
export interface WecomLinkAttachment {
  readonly title: string;
  readonly url: string;
  readonly description?: string;
  readonly pictureUrl?: string;
}

/**
 * One message to one external contact (客户), sent as the staff member who added the patient. WeCom turns it
 * into a task the member confirms in their client; it is sent on confirmation.
 */
export interface WecomMessage {
  /** The patient's `external_userid`. */
  readonly externalUserId: string;
  /** The member's `userid` (the patient must be their contact). */
  readonly senderUserId: string;
  readonly text: string;
  readonly link?: WecomLinkAttachment;
}

export interface WecomOptions {
  readonly corpId: string;
  readonly corpSecret: string;
  /** `https://qyapi.weixin.qq.com`, or a fake's base URL in tests. */
  readonly apiBase: string;
  readonly timeoutMs: number;
  readonly redis: RedisClient;
  readonly fetch?: FetchLike;
}

/** `get_groupmsg_send_result` statuses: 0 not sent yet, 1 sent, 2 not a contact, 3 already got a mass message. */
const SEND_STATUS: Readonly<Record<number, Disposition | undefined>> = {
  0: undefined,
  1: 'answered',
  2: 'unreachable',
  // WeCom lets a customer receive one mass message a day: try again another day, like a busy line.
  3: 'busy',
};

/** WeCom (企业微信) external-contact messages (`/cgi-bin/externalcontact/add_msg_template`). */
export class WecomExternalContactChannel implements OutreachChannelPort<WecomMessage> {
  readonly channel = 'wecom' as const;
  readonly provider = WECOM_PROVIDER;
  readonly #tokens: RedisAccessTokenCache;
  readonly #options: Omit<WecomOptions, 'corpSecret' | 'redis'>;

  constructor(options: WecomOptions) {
    const { corpSecret, redis, ...rest } = options;
    this.#options = rest;
    this.#tokens = new RedisAccessTokenCache({
      redis,
      key: `outreach:access-token:wecom:${options.corpId}`,
      provider: WECOM_PROVIDER,
      issue: () => issueWecomToken({ ...rest, corpSecret }),
    });
  }

  async send(message: WecomMessage): Promise<ChannelSendResult> {
    const link = message.link;
    const body = {
      chat_type: 'single',
      external_userid: [message.externalUserId],
      sender: message.senderUserId,
      allow_select: false,
      text: { content: message.text },
      attachments:
        link === undefined
          ? []
          : [
              {
                msgtype: 'link',
                link: { title: link.title, url: link.url, desc: link.description, picurl: link.pictureUrl },
              },
            ],
    };
    const response = await this.post('/cgi-bin/externalcontact/add_msg_template', body);
    const json = response as { fail_list?: unknown; msgid?: unknown };
    if (Array.isArray(json.fail_list) && json.fail_list.includes(message.externalUserId)) {
      throw new ChannelError(ChannelErrorCode.RECIPIENT_UNREACHABLE, WECOM_PROVIDER, 'fail_list', 'not a contact');
    }
    if (typeof json.msgid !== 'string' || json.msgid === '') {
      throw new ChannelError(ChannelErrorCode.PROVIDER_UNAVAILABLE, WECOM_PROVIDER, undefined, 'no msgid');
    }
    return { providerMessageId: json.msgid };
  }

  /**
   * What became of a message (`get_groupmsg_send_result`), or undefined while the member has not confirmed it.
   * WeCom pushes no per-customer receipt, so the caller polls.
   */
  async outcome(msgId: string, senderUserId: string, externalUserId: string): Promise<ChannelOutcome | undefined> {
    const json = await this.post('/cgi-bin/externalcontact/get_groupmsg_send_result', {
      msgid: msgId,
      userid: senderUserId,
      limit: 1000,
    });
    const list = Array.isArray(json['send_list']) ? (json['send_list'] as unknown[]) : [];
    const entry = list.filter(isRecord).find((item) => item['external_userid'] === externalUserId);
    const status = entry?.['status'];
    const disposition = typeof status === 'number' ? SEND_STATUS[status] : undefined;
    if (entry === undefined || disposition === undefined) return undefined;
    const sendTime = typeof entry['send_time'] === 'number' ? entry['send_time'] : undefined;
    return {
      channel: 'wecom',
      provider: WECOM_PROVIDER,
      providerMessageId: msgId,
      disposition,
      providerStatus: `status:${String(status)}`,
      occurredAt: shanghai(sendTime === undefined || sendTime === 0 ? Date.now() : sendTime * 1000),
      talkSeconds: 0,
    };
  }

  private async post(path: string, body: unknown): Promise<Record<string, unknown>> {
    const response = await postWithAccessToken({
      provider: WECOM_PROVIDER,
      tokens: this.#tokens,
      apiBase: this.#options.apiBase,
      path,
      body,
      timeoutMs: this.#options.timeoutMs,
      fetch: this.#options.fetch,
      errorCode: wecomErrorCode,
    });
    return response.json as Record<string, unknown>;
  }
}

function shanghai(ms: number): string {
  return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}
