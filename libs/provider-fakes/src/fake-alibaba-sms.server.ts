import { randomUUID } from 'node:crypto';
import { computeAcs3Signature, DYSMS_API_VERSION, parseAcs3Authorization, sha256Hex } from './protocol/acs3-signature';
import { type FakeRequest, type FakeResponse, header, pushJson, startJsonServer } from './fake-http-server';
import { PerNumberRateLimiter, type RateWindow } from './per-number-rate-limiter';

/** Alibaba Cloud's default per-number flow control for SendSms (verification and notice templates). */
export const ALIBABA_RATE_WINDOWS: readonly RateWindow[] = [
  { name: '分钟级', limit: 1, spanMs: 60_000 },
  { name: '小时级', limit: 5, spanMs: 3_600_000 },
  { name: '天级', limit: 10, spanMs: 'shanghai-day' },
];
const MAX_CLOCK_SKEW_MS = 15 * 60_000;
const MAINLAND_MOBILE = /^(?:\+86|0086|86)?(1[3-9]\d{9})$/;

export interface FakeAlibabaSmsOptions {
  /** AccessKey id -> secret. */
  readonly accessKeys: Readonly<Record<string, string>>;
  readonly signNames: readonly string[];
  /** Template code -> the `${name}` variables of its text. */
  readonly templates: Readonly<Record<string, readonly string[]>>;
  readonly now?: () => number;
  /** Called once a message is accepted, before the answer leaves: a test can crash the caller right there. */
  readonly onAccepted?: (sms: RecordedAlibabaSms) => void;
  /** Fixed local port; a free one if unset. */
  readonly port?: number;
}

export interface RecordedAlibabaSms {
  readonly bizId: string;
  readonly phoneNumber: string;
  readonly signName: string;
  readonly templateCode: string;
  readonly params: Readonly<Record<string, string>>;
  readonly outId: string | undefined;
  readonly sentAt: number;
}

/**
 * Stands in for `dysmsapi.aliyuncs.com` in tests: recomputes the ACS3-HMAC-SHA256 signature of every
 * request and refuses it the way the gateway does (HTTP 400/404 with `Code`, `Message`, `RequestId`,
 * `HostId`), then applies SendSms' checks (number, sign name, template and its variables, flow control),
 * answering HTTP 200 with `Code` `OK` or an `isv.*` code.
 */
export class FakeAlibabaSms {
  readonly sent: RecordedAlibabaSms[] = [];
  /** `OutId` of every authenticated SendSms request, accepted or refused (a refusal must not hide a resend). */
  readonly sendRequests: (string | undefined)[] = [];
  private readonly usedNonces = new Set<string>();
  private readonly limiter: PerNumberRateLimiter;
  private readonly now: () => number;
  private nextBizId = 900619746936498440n;

  private constructor(
    private readonly options: FakeAlibabaSmsOptions,
    readonly baseUrl: string,
    readonly close: () => Promise<void>,
  ) {
    this.now = options.now ?? Date.now;
    this.limiter = new PerNumberRateLimiter(ALIBABA_RATE_WINDOWS, this.now);
  }

  static async start(options: FakeAlibabaSmsOptions): Promise<FakeAlibabaSms> {
    // The server must exist before the fake (it needs the URL); requests cannot arrive before this returns.
    let handle = (_request: FakeRequest): FakeResponse => ({ status: 503, json: {} });
    const server = await startJsonServer((request) => handle(request), options.port);
    const fake = new FakeAlibabaSms(options, server.baseUrl, server.close);
    handle = (request) => fake.handle(request);
    return fake;
  }

  /** Pushes SmsReport entries (HTTP batch push) for the given messages to the receiver URL. */
  pushReceipts(url: string, messages: readonly RecordedAlibabaSms[], delivered = true): Promise<FakeResponse> {
    const format = (ms: number): string => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    return pushJson(
      url,
      messages.map((message) => ({
        phone_number: message.phoneNumber,
        send_time: format(message.sentAt),
        report_time: format(this.now()),
        success: delivered,
        err_code: delivered ? 'DELIVERED' : 'MK:0001',
        err_msg: delivered ? '用户接收成功' : '用户关机',
        sms_size: '1',
        biz_id: message.bizId,
        out_id: message.outId ?? '',
      })),
    );
  }

  private handle(request: FakeRequest): FakeResponse {
    const refusal = this.authenticate(request);
    if (refusal) return refusal;
    const action = header(request, 'x-acs-action');
    if (action !== 'SendSms' && action !== 'QuerySendDetails') {
      return gatewayError(404, 'InvalidAction.NotFound', 'Specified api is not found.');
    }
    if (header(request, 'x-acs-version') !== DYSMS_API_VERSION) {
      return gatewayError(400, 'InvalidVersion', 'Specified parameter Version is not valid.');
    }
    // RPC-style parameters may come in the query or as a form body.
    const params = new URLSearchParams(request.url.search);
    if (request.body !== '') new URLSearchParams(request.body).forEach((value, key) => params.set(key, value));
    return { status: 200, json: action === 'SendSms' ? this.sendSms(params) : this.querySendDetails(params) };
  }

  /** QuerySendDetails: one number's messages of one Shanghai day (`SendDate` yyyyMMdd), paged, newest first. */
  private querySendDetails(params: URLSearchParams): Record<string, unknown> {
    const mobile = MAINLAND_MOBILE.exec(params.get('PhoneNumber') ?? '')?.[1];
    if (mobile === undefined) return business('isv.MOBILE_NUMBER_ILLEGAL', '非法手机号');
    const sendDate = params.get('SendDate') ?? '';
    const pageSize = Number(params.get('PageSize'));
    const currentPage = Number(params.get('CurrentPage'));
    if (!/^\d{8}$/.test(sendDate)) return business('isv.INVALID_PARAMETERS', 'SendDate 格式不正确');
    if (
      !Number.isInteger(pageSize) ||
      pageSize < 1 ||
      pageSize > 50 ||
      !Number.isInteger(currentPage) ||
      currentPage < 1
    ) {
      return business('isv.INVALID_PARAMETERS', '分页参数不合法');
    }
    const matching = this.sent
      .filter((sms) => sms.phoneNumber === mobile && shanghai(sms.sentAt).slice(0, 10).replace(/-/g, '') === sendDate)
      .reverse();
    const page = matching.slice((currentPage - 1) * pageSize, currentPage * pageSize);
    return {
      Code: 'OK',
      Message: 'OK',
      RequestId: randomUUID().toUpperCase(),
      TotalCount: matching.length,
      SmsSendDetailDTOs: {
        SmsSendDetailDTO: page.map((sms) => ({
          PhoneNum: sms.phoneNumber,
          SendStatus: 3,
          ErrCode: 'DELIVERED',
          TemplateCode: sms.templateCode,
          Content: `【${sms.signName}】${Object.values(sms.params).join(' ')}`,
          SendDate: shanghai(sms.sentAt),
          ReceiveDate: shanghai(sms.sentAt + 3000),
          ...(sms.outId === undefined ? {} : { OutId: sms.outId }),
        })),
      },
    };
  }

  private authenticate(request: FakeRequest): FakeResponse | undefined {
    const parsed = parseAcs3Authorization(header(request, 'authorization') ?? '');
    if (!parsed)
      return gatewayError(400, 'IncompleteSignature', 'The request signature does not conform to Aliyun standards.');
    const secret = this.options.accessKeys[parsed.accessKeyId];
    if (secret === undefined)
      return gatewayError(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
    const required = [
      'host',
      'x-acs-action',
      'x-acs-version',
      'x-acs-date',
      'x-acs-signature-nonce',
      'x-acs-content-sha256',
    ];
    const presentAcs = Object.keys(request.headers).filter((name) => name.startsWith('x-acs-'));
    if ([...required, ...presentAcs].some((name) => !parsed.signedHeaders.includes(name))) {
      return gatewayError(400, 'IncompleteSignature', 'The request signature does not conform to Aliyun standards.');
    }
    const date = Date.parse(header(request, 'x-acs-date') ?? '');
    if (Number.isNaN(date) || Math.abs(this.now() - date) > MAX_CLOCK_SKEW_MS) {
      return gatewayError(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.');
    }
    const payloadHash = sha256Hex(request.body);
    if (header(request, 'x-acs-content-sha256') !== payloadHash) {
      return gatewayError(400, 'SignatureDoesNotMatch', 'Specified signature does not match our calculation.');
    }
    const headers = Object.fromEntries(parsed.signedHeaders.map((name) => [name, header(request, name) ?? '']));
    const expected = computeAcs3Signature(
      {
        method: request.method,
        path: request.url.pathname,
        query: [...request.url.searchParams],
        headers,
        payloadHash,
      },
      secret,
    );
    if (expected.signature !== parsed.signature) {
      return gatewayError(400, 'SignatureDoesNotMatch', 'Specified signature does not match our calculation.');
    }
    // Checked after the signature so that a forged request cannot burn a legitimate nonce.
    const nonce = header(request, 'x-acs-signature-nonce') ?? '';
    if (this.usedNonces.has(nonce))
      return gatewayError(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
    this.usedNonces.add(nonce);
    return undefined;
  }

  private sendSms(params: URLSearchParams): Record<string, string> {
    this.sendRequests.push(params.get('OutId') ?? undefined);
    const mobile = MAINLAND_MOBILE.exec(params.get('PhoneNumbers') ?? '')?.[1];
    if (mobile === undefined) return business('isv.MOBILE_NUMBER_ILLEGAL', '非法手机号');
    const signName = params.get('SignName') ?? '';
    if (!this.options.signNames.includes(signName))
      return business('isv.SMS_SIGNATURE_ILLEGAL', '该账号下找不到对应签名');
    const templateCode = params.get('TemplateCode') ?? '';
    const variables = this.options.templates[templateCode];
    if (variables === undefined) return business('isv.SMS_TEMPLATE_ILLEGAL', '该账号下找不到对应模板');
    const templateParams = parseTemplateParam(params.get('TemplateParam'));
    if (templateParams === undefined) return business('isv.INVALID_JSON_PARAM', 'JSON参数不合法，只接受字符串值');
    if (variables.some((name) => !(name in templateParams))) {
      return business('isv.TEMPLATE_MISSING_PARAMETERS', '模板变量缺少对应参数值');
    }
    if (Object.keys(templateParams).some((name) => !variables.includes(name))) {
      return business('isv.TEMPLATE_PARAMS_ILLEGAL', '模板变量里包含非法关键字');
    }
    const broken = this.limiter.tryAcquire(mobile);
    if (broken) return business('isv.BUSINESS_LIMIT_CONTROL', `触发${broken.name}流控Permits:${broken.limit}`);
    this.nextBizId += 1n;
    const bizId = `${this.nextBizId}^0`;
    const outId = params.get('OutId') ?? undefined;
    const sms = {
      bizId,
      phoneNumber: mobile,
      signName,
      templateCode,
      params: templateParams,
      outId,
      sentAt: this.now(),
    };
    this.sent.push(sms);
    this.options.onAccepted?.(sms);
    return { Code: 'OK', Message: 'OK', BizId: bizId, RequestId: randomUUID().toUpperCase() };
  }
}

/** `yyyy-MM-dd HH:mm:ss` in China Standard Time, as Alibaba Cloud writes dates. */
function shanghai(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

function gatewayError(status: number, code: string, message: string): FakeResponse {
  return {
    status,
    json: { RequestId: randomUUID().toUpperCase(), HostId: 'dysmsapi.aliyuncs.com', Code: code, Message: message },
  };
}

function business(code: string, message: string): Record<string, string> {
  return { Code: code, Message: message, RequestId: randomUUID().toUpperCase() };
}

function parseTemplateParam(raw: string | null): Record<string, string> | undefined {
  if (raw === null) return {};
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.some(([, v]) => typeof v !== 'string')) return undefined;
    return Object.fromEntries(entries) as Record<string, string>;
  } catch {
    return undefined;
  }
}
