import { randomUUID } from 'node:crypto';
import { sha256Hex } from '../hashing';
import { requireMainlandMobile } from '../mainland-mobile';
import { type FetchLike, isRecord, postToProvider, stringField } from '../provider-http';
import type { SmsChannel, SmsMessage, SmsSendResult, SmsSentFinding, SmsSentLookup } from '../sms-channel';
import { SmsChannelError, SmsChannelErrorCode } from '../sms-channel.errors';
import { acs3Authorization, canonicalQueryString, computeAcs3Signature } from './acs3-signature';
import { alibabaErrorCode } from './alibaba-sms.errors';

const PROVIDER = 'aliyun';
const DETAIL_PAGE_SIZE = 50;
const MAX_DETAIL_PAGES = 20;
const DAY_MS = 86_400_000;
export const DYSMS_API_VERSION = '2017-05-25';

export interface AlibabaSmsOptions {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly signName: string;
  /** `https://dysmsapi.aliyuncs.com`, or a fake's base URL in tests. */
  readonly endpoint: string;
  readonly timeoutMs: number;
  readonly fetch?: FetchLike;
  readonly now?: () => Date;
}

/** Sends through Alibaba Cloud SMS `SendSms` (RPC style, parameters in the query, signature V3). */
export class AlibabaSmsChannel implements SmsChannel {
  readonly provider = PROVIDER;
  // A private field keeps the secret out of console.log, util.inspect and JSON.stringify of the channel.
  readonly #secret: string;
  readonly #options: Omit<AlibabaSmsOptions, 'accessKeySecret'>;

  constructor(options: AlibabaSmsOptions) {
    const { accessKeySecret, ...rest } = options;
    this.#secret = accessKeySecret;
    this.#options = rest;
  }

  async send(message: SmsMessage): Promise<SmsSendResult> {
    const phone = requireMainlandMobile(message.to, PROVIDER);
    const query: Array<[string, string]> = [
      ['PhoneNumbers', phone.national],
      ['SignName', this.#options.signName],
      ['TemplateCode', message.templateCode],
      ['TemplateParam', JSON.stringify(message.params)],
    ];
    if (message.reference !== undefined) query.push(['OutId', message.reference]);
    const response = await this.call('SendSms', query);
    return this.interpret(response.status, response.json);
  }

  /**
   * Whether a message carrying our `OutId` reached Alibaba Cloud, via `QuerySendDetails` (per number and
   * Shanghai calendar day, paged). The details carry no BizId, so a found message is known by its OutId.
   */
  async findSent(lookup: SmsSentLookup): Promise<SmsSentFinding> {
    const phone = requireMainlandMobile(lookup.to, PROVIDER);
    const now = this.#options.now?.() ?? new Date();
    for (const day of shanghaiDays(lookup.notBefore, now)) {
      for (let page = 1; page <= MAX_DETAIL_PAGES; page += 1) {
        const response = await this.call('QuerySendDetails', [
          ['PhoneNumber', phone.national],
          ['SendDate', day],
          ['PageSize', String(DETAIL_PAGE_SIZE)],
          ['CurrentPage', String(page)],
        ]);
        const details = this.details(response.status, response.json);
        if (details.some((detail) => detail['OutId'] === lookup.reference)) return { state: 'found' };
        if (details.length < DETAIL_PAGE_SIZE) break;
      }
    }
    // QuerySendDetails lists a message from the moment it is accepted (SendStatus 1, waiting for a receipt).
    return { state: 'absent' };
  }

  private async call(action: string, query: Array<[string, string]>) {
    const url = new URL(this.#options.endpoint);
    url.pathname = '/';
    url.search = canonicalQueryString(query);
    const payloadHash = sha256Hex('');
    const signedHeaders: Record<string, string> = {
      host: url.host,
      'x-acs-action': action,
      'x-acs-version': DYSMS_API_VERSION,
      'x-acs-date': (this.#options.now?.() ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      'x-acs-signature-nonce': randomUUID().replace(/-/g, ''),
      'x-acs-content-sha256': payloadHash,
    };
    const signature = computeAcs3Signature(
      { method: 'POST', path: '/', query, headers: signedHeaders, payloadHash },
      this.#secret,
    );
    // fetch derives Host from the URL itself and refuses to have it overridden.
    const { host: _host, ...headers } = signedHeaders;
    return postToProvider(
      PROVIDER,
      {
        url: url.toString(),
        headers: { ...headers, authorization: acs3Authorization(this.#options.accessKeyId, signature) },
        body: '',
        timeoutMs: this.#options.timeoutMs,
      },
      this.#options.fetch,
    );
  }

  private details(status: number, json: unknown): Record<string, unknown>[] {
    const code = isRecord(json) ? stringField(json, 'Code') : undefined;
    if (code !== 'OK') {
      const mapped =
        code === undefined || status >= 500 ? SmsChannelErrorCode.PROVIDER_UNAVAILABLE : alibabaErrorCode(code);
      throw new SmsChannelError(mapped, PROVIDER, code, `QuerySendDetails HTTP ${status}`);
    }
    const dtos = isRecord(json) ? json['SmsSendDetailDTOs'] : undefined;
    const list = isRecord(dtos) ? dtos['SmsSendDetailDTO'] : undefined;
    return Array.isArray(list) ? list.filter(isRecord) : [];
  }

  private interpret(status: number, json: unknown): SmsSendResult {
    const code = isRecord(json) ? stringField(json, 'Code') : undefined;
    if (code === undefined) {
      throw new SmsChannelError(SmsChannelErrorCode.PROVIDER_UNAVAILABLE, PROVIDER, undefined, `HTTP ${status}`);
    }
    const bizId = isRecord(json) ? stringField(json, 'BizId') : undefined;
    if (code === 'OK' && bizId !== undefined && bizId !== '') return { providerMessageId: bizId };
    const mapped = status >= 500 ? SmsChannelErrorCode.PROVIDER_UNAVAILABLE : alibabaErrorCode(code);
    // The provider's Message may quote the template text or parameters, so only the code is kept.
    throw new SmsChannelError(mapped, PROVIDER, code, `HTTP ${status}`);
  }
}

/** `yyyyMMdd` of each Shanghai calendar day from `from` to `to`, the unit QuerySendDetails searches by. */
function shanghaiDays(from: Date, to: Date): string[] {
  const day = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
  const days: string[] = [];
  for (let ms = from.getTime(); day(ms) <= day(to.getTime()); ms += DAY_MS) days.push(day(ms));
  return days.length > 0 ? days : [day(to.getTime())];
}
