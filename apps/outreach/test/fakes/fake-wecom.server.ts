import { randomBytes } from 'node:crypto';
import { type FakeRequest, type FakeResponse, startJsonServer } from '@revisit/provider-fakes';
import { DailyQuota, FakeTokenStore } from './wechat-fake-tokens';

export interface FakeWecomOptions {
  readonly corpId: string;
  readonly corpSecret: string;
  /** Member userid -> external_userids of their customers. */
  readonly contacts: Readonly<Record<string, readonly string[]>>;
  readonly tokenLifetimeSeconds?: number;
  /** `add_msg_template` calls allowed per day (WeCom caps mass-send tasks). */
  readonly sendDailyLimit?: number;
  readonly now?: () => number;
}

export interface RecordedWecomTask {
  readonly msgId: string;
  readonly sender: string;
  readonly externalUserIds: readonly string[];
  readonly text: string;
  readonly attachments: readonly unknown[];
  /** external_userid -> 0 not sent, 1 sent, 2 not a contact, 3 already received a mass message today. */
  readonly status: Map<string, number>;
}

/**
 * Stands in for `qyapi.weixin.qq.com`: corp access tokens from corpid + corpsecret (`/cgi-bin/gettoken`), then
 * `add_msg_template` (checks token, sender, contacts, content; answers `fail_list` and `msgid`) and
 * `get_groupmsg_send_result`, whose statuses a test moves with `confirm`.
 */
export class FakeWecom {
  readonly tasks: RecordedWecomTask[] = [];
  readonly tokens: FakeTokenStore;
  private readonly quota: DailyQuota;

  private constructor(
    private readonly options: FakeWecomOptions,
    readonly baseUrl: string,
    readonly close: () => Promise<void>,
  ) {
    const now = options.now ?? Date.now;
    this.tokens = new FakeTokenStore(now, options.tokenLifetimeSeconds ?? 7200);
    this.quota = new DailyQuota(options.sendDailyLimit ?? 10_000);
  }

  static async start(options: FakeWecomOptions): Promise<FakeWecom> {
    // The server must exist before the fake (it needs the URL); requests cannot arrive before this returns.
    let handle = (_request: FakeRequest): FakeResponse => ({ status: 503, json: {} });
    const server = await startJsonServer((request) => handle(request));
    const fake = new FakeWecom(options, server.baseUrl, server.close);
    handle = (request) => fake.handle(request);
    return fake;
  }

  get tokensIssued(): number {
    return this.tokens.issued.get(this.options.corpId) ?? 0;
  }

  /** The member confirmed the task in their client: each customer gets `status` (1 sent, 3 daily limit). */
  confirm(msgId: string, status = 1): void {
    const task = this.tasks.find((t) => t.msgId === msgId);
    for (const [id, current] of task?.status ?? []) if (current === 0) task?.status.set(id, status);
  }

  private handle(request: FakeRequest): FakeResponse {
    if (request.method === 'GET' && request.url.pathname === '/cgi-bin/gettoken') return this.token(request.url);
    if (request.method !== 'POST') return wxError(404, 'invalid url');
    const auth = this.tokens.check(request.url.searchParams.get('access_token'), 40014);
    if (auth.errcode !== 0) return wxError(auth.errcode, 'invalid access_token');
    const body = parseJson(request.body);
    if (body === undefined) return wxError(47001, 'data format error');
    if (request.url.pathname === '/cgi-bin/externalcontact/add_msg_template') return this.addMsgTemplate(body);
    if (request.url.pathname === '/cgi-bin/externalcontact/get_groupmsg_send_result') return this.sendResult(body);
    return wxError(404, 'invalid url');
  }

  private token(url: URL): FakeResponse {
    if (url.searchParams.get('corpid') !== this.options.corpId) return wxError(40013, 'invalid corpid');
    if (url.searchParams.get('corpsecret') !== this.options.corpSecret) return wxError(40001, 'invalid secret');
    const { token, expiresIn } = this.tokens.issue(this.options.corpId);
    return { status: 200, json: { errcode: 0, errmsg: 'ok', access_token: token, expires_in: expiresIn } };
  }

  private addMsgTemplate(body: Record<string, unknown>): FakeResponse {
    const sender = body['sender'];
    const targets = body['external_userid'];
    if (body['chat_type'] !== undefined && body['chat_type'] !== 'single') return wxError(40058, 'invalid chat_type');
    if (typeof sender !== 'string' || this.options.contacts[sender] === undefined) {
      return wxError(40003, 'invalid userid');
    }
    if (!Array.isArray(targets) || targets.length === 0 || targets.some((t) => typeof t !== 'string')) {
      return wxError(40058, 'external_userid invalid');
    }
    const text = (body['text'] as { content?: unknown } | undefined)?.content;
    const attachments = Array.isArray(body['attachments']) ? (body['attachments'] as unknown[]) : [];
    if ((typeof text !== 'string' || text === '') && attachments.length === 0) return wxError(41041, 'empty content');
    if (typeof text === 'string' && Buffer.byteLength(text) > 4000) return wxError(40058, 'content too long');
    if (!this.quota.take(sender)) return wxError(45009, 'api freq out of limit');
    const contacts = this.options.contacts[sender] ?? [];
    const failList = (targets as string[]).filter((id) => !contacts.includes(id));
    const msgId = `msg${randomBytes(12).toString('base64url')}`;
    this.tasks.push({
      msgId,
      sender,
      externalUserIds: targets as string[],
      text: typeof text === 'string' ? text : '',
      attachments,
      status: new Map((targets as string[]).filter((id) => contacts.includes(id)).map((id) => [id, 0])),
    });
    return { status: 200, json: { errcode: 0, errmsg: 'ok', fail_list: failList, msgid: msgId } };
  }

  private sendResult(body: Record<string, unknown>): FakeResponse {
    const task = this.tasks.find((t) => t.msgId === body['msgid']);
    if (task === undefined) return wxError(41063, 'msgid not found');
    if (body['userid'] !== task.sender) return wxError(40003, 'invalid userid');
    const send_list = [...task.status].map(([external_userid, status]) => ({
      external_userid,
      userid: task.sender,
      status,
      send_time: status === 1 ? 1_795_000_000 : 0,
    }));
    return { status: 200, json: { errcode: 0, errmsg: 'ok', send_list } };
  }
}

function wxError(errcode: number, errmsg: string): FakeResponse {
  return { status: 200, json: { errcode, errmsg: `${errmsg}, hint: [${randomBytes(6).toString('hex')}]` } };
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
