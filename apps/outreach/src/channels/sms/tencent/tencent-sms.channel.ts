import { requireMainlandMobile } from '../mainland-mobile';
import { type FetchLike, isRecord, postToProvider, stringField } from '../provider-http';
import type { SmsChannel, SmsMessage, SmsSendResult, SmsSentFinding, SmsSentLookup } from '../sms-channel';
import { SmsChannelError, SmsChannelErrorCode } from '../sms-channel.errors';
import { computeTc3Signature, tc3Authorization } from './tc3-signature';
import { tencentErrorCode } from './tencent-sms.errors';

const PROVIDER = 'tencent';
export const TENCENT_SMS_API_VERSION = '2021-01-11';
const CONTENT_TYPE = 'application/json; charset=utf-8';
const REPORT_PAGE = 100;
const MAX_REPORTS = 1000;
/** Reports normally follow within a minute; a handset that is off reports failure within hours at worst. */
const DEFAULT_REPORT_WAIT_MS = 30 * 60_000;

export interface TencentSmsOptions {
  readonly secretId: string;
  readonly secretKey: string;
  readonly sdkAppId: string;
  readonly signName: string;
  readonly region: string;
  /** `https://sms.tencentcloudapi.com`, or a fake's base URL in tests. */
  readonly endpoint: string;
  /** Parameter names in template order, per template id. */
  readonly templateParamOrder: Readonly<Record<string, readonly string[]>>;
  readonly timeoutMs: number;
  /** How long after a send a missing delivery report still means "not known yet" (default 30 min). */
  readonly reportWaitMs?: number;
  readonly fetch?: FetchLike;
  readonly now?: () => Date;
}

/** Sends through Tencent Cloud SMS `SendSms` (API 3.0, version 2021-01-11, TC3-HMAC-SHA256). */
export class TencentSmsChannel implements SmsChannel {
  readonly provider = PROVIDER;
  readonly #secret: string;
  readonly #options: Omit<TencentSmsOptions, 'secretKey'>;

  constructor(options: TencentSmsOptions) {
    const { secretKey, ...rest } = options;
    this.#secret = secretKey;
    this.#options = rest;
  }

  async send(message: SmsMessage): Promise<SmsSendResult> {
    const phone = requireMainlandMobile(message.to, PROVIDER);
    const response = await this.call('SendSms', {
      PhoneNumberSet: [phone.e164],
      SmsSdkAppId: this.#options.sdkAppId,
      SignName: this.#options.signName,
      TemplateId: message.templateCode,
      TemplateParamSet: this.positionalParams(message),
      ...(message.reference === undefined ? {} : { SessionContext: message.reference }),
    });
    return interpret(response.status, response.json);
  }

  /**
   * Looks for our `SessionContext` among the number's delivery reports (`PullSmsSendStatusByPhoneNumber`).
   * Tencent Cloud keeps no searchable list of accepted messages, only reports, which follow the send by
   * seconds to minutes: until `reportWaitMs` has passed, a missing report means "not known yet".
   */
  async findSent(lookup: SmsSentLookup): Promise<SmsSentFinding> {
    const phone = requireMainlandMobile(lookup.to, PROVIDER);
    const now = (this.#options.now?.() ?? new Date()).getTime();
    for (let offset = 0; offset < MAX_REPORTS; offset += REPORT_PAGE) {
      const response = await this.call('PullSmsSendStatusByPhoneNumber', {
        BeginTime: Math.floor(lookup.notBefore.getTime() / 1000),
        Offset: offset,
        Limit: REPORT_PAGE,
        PhoneNumber: phone.e164,
        SmsSdkAppId: this.#options.sdkAppId,
      });
      const reports = reportsOf(response.status, response.json);
      const ours = reports.find((report) => report['SessionContext'] === lookup.reference);
      if (ours !== undefined) {
        const serialNo = stringField(ours, 'SerialNo');
        return serialNo ? { state: 'found', providerMessageId: serialNo } : { state: 'found' };
      }
      if (reports.length < REPORT_PAGE) break;
    }
    const waited = now - lookup.notBefore.getTime();
    return waited < (this.#options.reportWaitMs ?? DEFAULT_REPORT_WAIT_MS) ? { state: 'unknown' } : { state: 'absent' };
  }

  private async call(action: string, body: Record<string, unknown>) {
    const payload = JSON.stringify(body);
    const url = new URL(this.#options.endpoint);
    url.pathname = '/';
    const timestamp = Math.floor((this.#options.now?.() ?? new Date()).getTime() / 1000);
    const signature = computeTc3Signature(
      {
        method: 'POST',
        path: '/',
        query: '',
        headers: { 'content-type': CONTENT_TYPE, host: url.host, 'x-tc-action': action },
        payload,
        timestamp,
        service: 'sms',
      },
      this.#secret,
    );
    return postToProvider(
      PROVIDER,
      {
        url: url.toString(),
        headers: {
          authorization: tc3Authorization(this.#options.secretId, signature),
          'content-type': CONTENT_TYPE,
          'x-tc-action': action,
          'x-tc-version': TENCENT_SMS_API_VERSION,
          'x-tc-timestamp': String(timestamp),
          'x-tc-region': this.#options.region,
        },
        body: payload,
        timeoutMs: this.#options.timeoutMs,
      },
      this.#options.fetch,
    );
  }

  /** Orders named params by the template's configured names; a missing or extra name is our mistake. */
  private positionalParams(message: SmsMessage): string[] {
    const names = this.#options.templateParamOrder[message.templateCode];
    const given = Object.keys(message.params);
    if (names === undefined || given.length !== names.length || names.some((name) => !(name in message.params))) {
      throw new SmsChannelError(
        SmsChannelErrorCode.TEMPLATE_REJECTED,
        PROVIDER,
        undefined,
        names === undefined ? 'template has no configured parameter order' : 'parameters do not match the template',
      );
    }
    return names.map((name) => message.params[name] ?? '');
  }
}

function interpret(status: number, json: unknown): SmsSendResult {
  const response = isRecord(json) && isRecord(json['Response']) ? json['Response'] : undefined;
  if (response === undefined) {
    throw new SmsChannelError(SmsChannelErrorCode.PROVIDER_UNAVAILABLE, PROVIDER, undefined, `HTTP ${status}`);
  }
  const error = response['Error'];
  if (isRecord(error)) {
    const code = stringField(error, 'Code') ?? 'unknown';
    throw new SmsChannelError(tencentErrorCode(code), PROVIDER, code, 'request refused');
  }
  const statuses = response['SendStatusSet'];
  const first: unknown = Array.isArray(statuses) ? (statuses as unknown[])[0] : undefined;
  if (!isRecord(first)) {
    throw new SmsChannelError(SmsChannelErrorCode.PROVIDER_UNAVAILABLE, PROVIDER, undefined, 'no send status');
  }
  const code = stringField(first, 'Code') ?? 'unknown';
  const serialNo = stringField(first, 'SerialNo');
  if (code === 'Ok' && serialNo !== undefined && serialNo !== '') return { providerMessageId: serialNo };
  throw new SmsChannelError(tencentErrorCode(code), PROVIDER, code, 'message refused');
}

function reportsOf(status: number, json: unknown): Record<string, unknown>[] {
  const response = isRecord(json) && isRecord(json['Response']) ? json['Response'] : undefined;
  if (response === undefined) {
    throw new SmsChannelError(SmsChannelErrorCode.PROVIDER_UNAVAILABLE, PROVIDER, undefined, `HTTP ${status}`);
  }
  const error = response['Error'];
  if (isRecord(error)) {
    const code = stringField(error, 'Code') ?? 'unknown';
    throw new SmsChannelError(tencentErrorCode(code), PROVIDER, code, 'status pull refused');
  }
  const set = response['PullSmsSendStatusSet'];
  return Array.isArray(set) ? set.filter(isRecord) : [];
}
