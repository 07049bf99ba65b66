import { randomUUID } from 'node:crypto';
import { computeTc3Signature, parseTc3Authorization } from '../../src/channels/sms/tencent/tc3-signature';
import { TENCENT_SMS_API_VERSION } from '../../src/channels/sms/tencent/tencent-sms.channel';
import {
  type FakeRequest,
  type FakeResponse,
  header,
  PerNumberRateLimiter,
  pushJson,
  type RateWindow,
  startJsonServer,
} from '@revisit/provider-fakes';

/**
 * Tencent Cloud SMS default frequency limits per number and signature (控制台 默认频率限制):
 * 1 per 30 seconds, 5 per hour, 10 per natural day.
 */
export const TENCENT_RATE_WINDOWS: readonly RateWindow[] = [
  { name: 'PhoneNumberThirtySecondLimit', limit: 1, spanMs: 30_000 },
  { name: 'PhoneNumberOneHourLimit', limit: 5, spanMs: 3_600_000 },
  { name: 'PhoneNumberDailyLimit', limit: 10, spanMs: 'shanghai-day' },
];
const MAX_CLOCK_SKEW_S = 300;
const MAINLAND_MOBILE = /^\+861[3-9]\d{9}$/;

export interface FakeTencentSmsOptions {
  /** SecretId -> SecretKey. */
  readonly secrets: Readonly<Record<string, string>>;
  readonly sdkAppId: string;
  readonly signNames: readonly string[];
  /** Template id -> number of `{n}` placeholders. */
  readonly templates: Readonly<Record<string, number>>;
  readonly now?: () => number;
  /** How long after a send its delivery report appears (PullSmsSendStatusByPhoneNumber); 0 by default. */
  readonly reportDelayMs?: number;
}

export interface RecordedTencentSms {
  readonly serialNo: string;
  readonly phoneNumber: string;
  readonly signName: string;
  readonly templateId: string;
  readonly params: readonly string[];
  readonly sessionContext: string | undefined;
  readonly sentAt: number;
}

interface SendSmsBody {
  readonly PhoneNumberSet: readonly string[];
  readonly SmsSdkAppId: string;
  readonly SignName: string;
  readonly TemplateId: string;
  readonly TemplateParamSet: readonly string[];
  readonly SessionContext?: string;
}

/**
 * Stands in for `sms.tencentcloudapi.com` (SendSms 2021-01-11): recomputes TC3-HMAC-SHA256 from the request
 * and answers like API 3.0, always HTTP 200 with `{"Response":{"Error":{Code,Message},"RequestId"}}` for
 * refused requests and a per-number `SendStatusSet` otherwise.
 */
export class FakeTencentSms {
  readonly sent: RecordedTencentSms[] = [];
  private readonly limiter: PerNumberRateLimiter;
  private readonly now: () => number;
  private serial = 1045710669157053657849499619n;

  private constructor(
    private readonly options: FakeTencentSmsOptions,
    readonly baseUrl: string,
    readonly close: () => Promise<void>,
  ) {
    this.now = options.now ?? Date.now;
    this.limiter = new PerNumberRateLimiter(TENCENT_RATE_WINDOWS, this.now);
  }

  static async start(options: FakeTencentSmsOptions): Promise<FakeTencentSms> {
    // The server must exist before the fake (it needs the URL); requests cannot arrive before this returns.
    let handle = (_request: FakeRequest): FakeResponse => ({ status: 503, json: {} });
    const server = await startJsonServer((request) => handle(request));
    const fake = new FakeTencentSms(options, server.baseUrl, server.close);
    handle = (request) => fake.handle(request);
    return fake;
  }

  /** Pushes the status callback (短信下发状态回调) for the given messages to the receiver URL. */
  pushReceipts(url: string, messages: readonly RecordedTencentSms[], delivered = true): Promise<FakeResponse> {
    const receivedAt = new Date(this.now() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    return pushJson(
      url,
      messages.map((message) => ({
        user_receive_time: receivedAt,
        nationcode: '86',
        mobile: message.phoneNumber.replace(/^\+86/, ''),
        report_status: delivered ? 'SUCCESS' : 'FAIL',
        errmsg: delivered ? 'DELIVRD' : 'MK:0001',
        description: delivered ? '用户短信送达成功' : '用户短信接收失败',
        sid: message.serialNo,
      })),
    );
  }

  private handle(request: FakeRequest): FakeResponse {
    const refusal = this.authenticate(request);
    if (refusal !== undefined) return refused(refusal[0], refusal[1]);
    const action = header(request, 'x-tc-action');
    if (action !== 'SendSms' && action !== 'PullSmsSendStatusByPhoneNumber') {
      return refused('InvalidAction', 'The action does not exist.');
    }
    if (header(request, 'x-tc-version') !== TENCENT_SMS_API_VERSION)
      return refused('NoSuchVersion', 'The version does not exist.');
    if ((header(request, 'x-tc-region') ?? '') === '')
      return refused('MissingParameter', 'The X-TC-Region header is required.');
    if (action === 'PullSmsSendStatusByPhoneNumber') return ok(this.pullStatus(request.body));
    const body = parseBody(request.body);
    if (body === undefined) return refused('InvalidParameter', 'The request body is not a valid SendSms request.');
    return ok(this.sendSms(body));
  }

  private authenticate(request: FakeRequest): readonly [string, string] | undefined {
    const parsed = parseTc3Authorization(header(request, 'authorization') ?? '');
    if (!parsed) return ['AuthFailure.InvalidAuthorization', 'Authorization header is malformed.'];
    if (!parsed.signedHeaders.includes('content-type') || !parsed.signedHeaders.includes('host')) {
      return ['AuthFailure.InvalidAuthorization', 'content-type and host must be signed.'];
    }
    const timestamp = Number(header(request, 'x-tc-timestamp'));
    if (!Number.isInteger(timestamp) || Math.abs(this.now() / 1000 - timestamp) > MAX_CLOCK_SKEW_S) {
      return [
        'AuthFailure.SignatureExpire',
        'Signature expired. Timestamp differs from server time by more than 5 minutes.',
      ];
    }
    if (parsed.date !== new Date(timestamp * 1000).toISOString().slice(0, 10)) {
      return ['AuthFailure.InvalidAuthorization', 'The credential date does not match X-TC-Timestamp.'];
    }
    const secretKey = this.options.secrets[parsed.secretId];
    if (secretKey === undefined) return ['AuthFailure.SecretIdNotFound', 'The SecretId is not found.'];
    const headers = Object.fromEntries(parsed.signedHeaders.map((name) => [name, header(request, name) ?? '']));
    const expected = computeTc3Signature(
      {
        method: request.method,
        path: request.url.pathname,
        query: request.url.search.replace(/^\?/, ''),
        headers,
        payload: request.body,
        timestamp,
        service: parsed.service,
      },
      secretKey,
    );
    if (parsed.service !== 'sms' || expected.signature !== parsed.signature) {
      return ['AuthFailure.SignatureFailure', 'The provided credentials could not be validated.'];
    }
    return undefined;
  }

  /** Delivery reports of one number since `BeginTime` (Unix seconds), paged by Offset/Limit (at most 100). */
  private pullStatus(raw: string): Record<string, unknown> {
    let body: { BeginTime?: unknown; Offset?: unknown; Limit?: unknown; PhoneNumber?: unknown; SmsSdkAppId?: unknown };
    try {
      body = JSON.parse(raw) as typeof body;
    } catch {
      return error('InvalidParameter', 'The request body is not valid JSON.');
    }
    const { BeginTime, Offset, Limit, PhoneNumber, SmsSdkAppId } = body;
    if (SmsSdkAppId !== this.options.sdkAppId) {
      return error('UnauthorizedOperation.SmsSdkAppIdVerifyFail', 'SmsSdkAppId verification failed.');
    }
    if (
      typeof BeginTime !== 'number' ||
      typeof Offset !== 'number' ||
      typeof Limit !== 'number' ||
      Limit < 1 ||
      Limit > 100 ||
      typeof PhoneNumber !== 'string'
    ) {
      return error('InvalidParameterValue', 'BeginTime, Offset, Limit (1-100) and PhoneNumber are required.');
    }
    const reported = this.sent.filter(
      (sms) =>
        sms.phoneNumber === PhoneNumber &&
        sms.sentAt >= BeginTime * 1000 &&
        sms.sentAt + (this.options.reportDelayMs ?? 0) <= this.now(),
    );
    const PullSmsSendStatusSet = reported.slice(Offset, Offset + Limit).map((sms) => ({
      UserReceiveTime: new Date(sms.sentAt + 8 * 3_600_000 + 3000).toISOString().slice(0, 19).replace('T', ' '),
      CountryCode: '86',
      SubscriberNumber: sms.phoneNumber.replace(/^\+86/, ''),
      PhoneNumber: sms.phoneNumber,
      SerialNo: sms.serialNo,
      ReportStatus: 'SUCCESS',
      Description: '用户短信送达成功',
      SessionContext: sms.sessionContext ?? '',
    }));
    return { PullSmsSendStatusSet, RequestId: randomUUID() };
  }

  private sendSms(body: SendSmsBody): Record<string, unknown> {
    if (body.SmsSdkAppId !== this.options.sdkAppId) {
      return error('UnauthorizedOperation.SmsSdkAppIdVerifyFail', 'SmsSdkAppId verification failed.');
    }
    if (!this.options.signNames.includes(body.SignName)) {
      return error('FailedOperation.SignatureIncorrectOrUnapproved', 'The signature is not approved or incorrect.');
    }
    const placeholders = this.options.templates[body.TemplateId];
    if (placeholders === undefined) {
      return error('FailedOperation.TemplateIncorrectOrUnapproved', 'The template is not approved or incorrect.');
    }
    if (body.TemplateParamSet.length !== placeholders) {
      return error('InvalidParameterValue.TemplateParameterFormatError', 'The template parameters do not match.');
    }
    const SendStatusSet = body.PhoneNumberSet.map((phoneNumber) => this.sendOne(body, phoneNumber));
    return { SendStatusSet, RequestId: randomUUID() };
  }

  private sendOne(body: SendSmsBody, phoneNumber: string): Record<string, unknown> {
    const status = (Code: string, Message: string, SerialNo = '', Fee = 0): Record<string, unknown> => ({
      SerialNo,
      PhoneNumber: phoneNumber,
      Fee,
      SessionContext: body.SessionContext ?? '',
      Code,
      Message,
      IsoCode: 'CN',
    });
    if (!MAINLAND_MOBILE.test(phoneNumber))
      return status('InvalidParameterValue.IncorrectPhoneNumber', 'incorrect phone number');
    const broken = this.limiter.tryAcquire(`${body.SignName}|${phoneNumber}`);
    if (broken) return status(`LimitExceeded.${broken.name}`, `the number exceeded the ${broken.name} frequency limit`);
    this.serial += 1n;
    const serialNo = `2433:${this.serial}`;
    this.sent.push({
      serialNo,
      phoneNumber,
      signName: body.SignName,
      templateId: body.TemplateId,
      params: body.TemplateParamSet,
      sessionContext: body.SessionContext,
      sentAt: this.now(),
    });
    return status('Ok', 'send success', serialNo, 1);
  }
}

function ok(response: Record<string, unknown>): FakeResponse {
  return { status: 200, json: { Response: response } };
}

function error(code: string, message: string): Record<string, unknown> {
  return { Error: { Code: code, Message: message }, RequestId: randomUUID() };
}

function refused(code: string, message: string): FakeResponse {
  return ok(error(code, message));
}

function parseBody(raw: string): SendSmsBody | undefined {
  try {
    const value = JSON.parse(raw) as Partial<SendSmsBody>;
    const strings = (list: unknown): list is string[] =>
      Array.isArray(list) && list.every((x) => typeof x === 'string');
    if (!strings(value.PhoneNumberSet) || value.PhoneNumberSet.length === 0) return undefined;
    if (typeof value.SmsSdkAppId !== 'string' || typeof value.SignName !== 'string') return undefined;
    if (typeof value.TemplateId !== 'string') return undefined;
    const params: unknown = value.TemplateParamSet ?? [];
    if (!strings(params)) return undefined;
    return { ...(value as SendSmsBody), TemplateParamSet: params };
  } catch {
    return undefined;
  }
}
