import { randomBytes } from 'node:crypto';
import { wechatSignature } from '../../src/channels/wechat/wechat-signature';
import { type FakeRequest, type FakeResponse, startJsonServer } from '@revisit/provider-fakes';
import { DailyQuota, FakeTokenStore } from './wechat-fake-tokens';

const OPENID = /^[A-Za-z0-9_-]{28}$/;

export interface FakeWechatOaOptions {
  readonly appId: string;
  readonly appSecret: string;
  /** Template message templates: id -> keywords of its content (`first`, `keyword1`, `thing2`, ...). */
  readonly templates: Readonly<Record<string, readonly string[]>>;
  /** Subscribe-notice templates: id -> keywords. */
  readonly subscribeTemplates?: Readonly<Record<string, readonly string[]>>;
  /** Openids following the account; sends to others fail with 43004. */
  readonly followers: readonly string[];
  /** Template id -> openids that accepted that subscribe notice. */
  readonly subscriptions?: Readonly<Record<string, readonly string[]>>;
  readonly tokenLifetimeSeconds?: number;
  /** Daily limits: `/cgi-bin/token` calls, and message sends per API. */
  readonly tokenDailyLimit?: number;
  readonly sendDailyLimit?: number;
  readonly now?: () => number;
}

export interface RecordedWechatMessage {
  readonly api: 'template' | 'subscribe';
  readonly msgId: string;
  readonly openId: string;
  readonly templateId: string;
  readonly data: Readonly<Record<string, string>>;
  readonly clientMsgId?: string;
}

/**
 * Stands in for `api.weixin.qq.com`: issues access tokens for one AppID/AppSecret (`/cgi-bin/token`, revoking
 * the previous token after 5 minutes, and `/cgi-bin/stable_token`), checks the token of every send, the
 * template and its keywords, the recipient, daily quotas, and answers with WeChat's errcode/errmsg bodies and
 * 64-bit msgids. Pushes send results to a callback URL signed as WeChat signs them.
 */
export class FakeWechatOa {
  readonly sent: RecordedWechatMessage[] = [];
  readonly tokens: FakeTokenStore;
  private readonly tokenQuota: DailyQuota;
  private readonly sendQuota: DailyQuota;
  private readonly now: () => number;
  private nextMsgId = 2852960815512141826n;
  private readonly clientMsgIds = new Set<string>();

  private constructor(
    private readonly options: FakeWechatOaOptions,
    readonly baseUrl: string,
    readonly close: () => Promise<void>,
  ) {
    this.now = options.now ?? Date.now;
    this.tokens = new FakeTokenStore(this.now, options.tokenLifetimeSeconds ?? 7200);
    this.tokenQuota = new DailyQuota(options.tokenDailyLimit ?? 2000);
    this.sendQuota = new DailyQuota(options.sendDailyLimit ?? 100_000);
  }

  static async start(options: FakeWechatOaOptions): Promise<FakeWechatOa> {
    // The server must exist before the fake (it needs the URL); requests cannot arrive before this returns.
    let handle = (_request: FakeRequest): FakeResponse => ({ status: 503, json: {} });
    const server = await startJsonServer((request) => handle(request));
    const fake = new FakeWechatOa(options, server.baseUrl, server.close);
    handle = (request) => fake.handle(request);
    return fake;
  }

  get tokensIssued(): number {
    return this.tokens.issued.get(this.options.appId) ?? 0;
  }

  /** Pushes `TEMPLATESENDJOBFINISH` for a template message to the callback URL, signed with `token`. */
  pushTemplateJobFinish(callbackUrl: string, token: string, message: RecordedWechatMessage, status: string) {
    const xml =
      `<xml><ToUserName><![CDATA[gh_fake0account]]></ToUserName><FromUserName><![CDATA[${message.openId}]]>` +
      `</FromUserName><CreateTime>${Math.floor(this.now() / 1000)}</CreateTime><MsgType><![CDATA[event]]>` +
      `</MsgType><Event><![CDATA[TEMPLATESENDJOBFINISH]]></Event><MsgID>${message.msgId}</MsgID>` +
      `<Status><![CDATA[${status}]]></Status></xml>`;
    return this.pushSigned(callbackUrl, token, xml);
  }

  /** Pushes any XML body signed as WeChat signs pushes (`signature`, `timestamp`, `nonce` in the query). */
  async pushSigned(callbackUrl: string, token: string, xml: string, timestampMs = this.now()) {
    const url = new URL(callbackUrl);
    const timestamp = String(Math.floor(timestampMs / 1000));
    const nonce = String(randomBytes(4).readUInt32BE());
    url.searchParams.set('signature', wechatSignature(token, timestamp, nonce));
    url.searchParams.set('timestamp', timestamp);
    url.searchParams.set('nonce', nonce);
    url.searchParams.set('openid', 'o' + 'x'.repeat(27));
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: xml });
    return { status: response.status, body: await response.text(), contentType: response.headers.get('content-type') };
  }

  private handle(request: FakeRequest): FakeResponse {
    switch (`${request.method} ${request.url.pathname}`) {
      case 'GET /cgi-bin/token':
        return this.token(request.url.searchParams);
      case 'POST /cgi-bin/stable_token':
        return this.stableToken(request.body);
      case 'POST /cgi-bin/message/template/send':
        return this.send('template', request);
      case 'POST /cgi-bin/message/subscribe/bizsend':
        return this.send('subscribe', request);
      default:
        return wxError(404, 'invalid url');
    }
  }

  private credentialsError(appId: unknown, secret: unknown): FakeResponse | undefined {
    if (appId !== this.options.appId) return wxError(40013, 'invalid appid');
    if (secret !== this.options.appSecret) return wxError(40125, 'invalid appsecret');
    if (!this.tokenQuota.take(`token:${this.options.appId}`)) return wxError(45009, 'reach max api daily quota limit');
    return undefined;
  }

  private token(query: URLSearchParams): FakeResponse {
    if (query.get('grant_type') !== 'client_credential') return wxError(40002, 'invalid grant_type');
    const refused = this.credentialsError(query.get('appid'), query.get('secret'));
    if (refused) return refused;
    const { token, expiresIn } = this.tokens.issue(this.options.appId, 5 * 60_000);
    return { status: 200, json: { access_token: token, expires_in: expiresIn } };
  }

  private stableToken(raw: string): FakeResponse {
    const body = parseJson(raw);
    if (body?.['grant_type'] !== 'client_credential') return wxError(40002, 'invalid grant_type');
    const refused = this.credentialsError(body['appid'], body['secret']);
    if (refused) return refused;
    const current = body['force_refresh'] === true ? undefined : this.tokens.current(this.options.appId, 5 * 60_000);
    const { token, expiresIn } = current ?? this.tokens.issue(this.options.appId);
    return { status: 200, json: { access_token: token, expires_in: expiresIn } };
  }

  private send(api: 'template' | 'subscribe', request: FakeRequest): FakeResponse {
    const auth = this.tokens.check(request.url.searchParams.get('access_token'), 40001);
    if (auth.errcode !== 0) return wxError(auth.errcode, tokenMessage(auth.errcode));
    const body = parseJson(request.body);
    if (body === undefined) return wxError(47001, 'data format error');
    const openId = body['touser'];
    const templateId = body['template_id'];
    if (typeof openId !== 'string' || !OPENID.test(openId)) return wxError(40003, 'invalid openid');
    const templates = api === 'template' ? this.options.templates : (this.options.subscribeTemplates ?? {});
    const keywords = typeof templateId === 'string' ? templates[templateId] : undefined;
    if (typeof templateId !== 'string' || keywords === undefined) return wxError(40037, 'invalid template_id');
    const data = templateData(body['data']);
    if (data === undefined || !sameKeys(Object.keys(data), keywords)) return wxError(47003, 'argument invalid!');
    if (!this.options.followers.includes(openId)) return wxError(43004, 'require subscribe');
    if (api === 'subscribe' && !(this.options.subscriptions?.[templateId] ?? []).includes(openId)) {
      return wxError(43101, 'user refuse to accept the msg');
    }
    const clientMsgId = typeof body['client_msg_id'] === 'string' ? body['client_msg_id'] : undefined;
    if (clientMsgId !== undefined && this.clientMsgIds.has(clientMsgId)) return wxError(43116, 'duplicate request');
    if (!this.sendQuota.take(api)) return wxError(45009, 'reach max api daily quota limit');
    if (clientMsgId !== undefined) this.clientMsgIds.add(clientMsgId);
    this.nextMsgId += 1n;
    const msgId = this.nextMsgId.toString();
    this.sent.push({ api, msgId, openId, templateId, data, ...(clientMsgId ? { clientMsgId } : {}) });
    return { status: 200, json: undefined, rawJson: `{"errcode":0,"errmsg":"ok","msgid":${msgId}}` };
  }
}

function wxError(errcode: number, errmsg: string): FakeResponse {
  const rid = randomBytes(12).toString('hex');
  return { status: 200, json: { errcode, errmsg: `${errmsg} rid: ${rid}` } };
}

function tokenMessage(errcode: number): string {
  if (errcode === 41001) return 'access_token missing';
  if (errcode === 42001) return 'access_token expired';
  return 'invalid credential, access_token is invalid or not latest';
}

function parseJson(raw: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** `{ keyword: { value: "..." } }` -> `{ keyword: "..." }`, or undefined if any value is not a string. */
function templateData(value: unknown): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const entries = Object.entries(value as Record<string, unknown>).map(([key, item]) => [
    key,
    (item as { value?: unknown } | null)?.value,
  ]);
  if (entries.some(([, v]) => typeof v !== 'string' || v.length > 200)) return undefined;
  return Object.fromEntries(entries) as Record<string, string>;
}

function sameKeys(given: readonly string[], expected: readonly string[]): boolean {
  return given.length === expected.length && expected.every((key) => given.includes(key));
}
