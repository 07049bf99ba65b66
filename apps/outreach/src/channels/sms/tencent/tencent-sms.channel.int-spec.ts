import { FakeTencentSms } from '../../../../test/fakes/fake-tencent-sms.server';
import { startReceiptReceiver } from '@revisit/provider-fakes';
import { SmsChannelError, SmsChannelErrorCode } from '../sms-channel.errors';
import { TENCENT_RECEIPT_ACK, parseTencentReceipts } from './tencent-sms-receipt';
import { TencentSmsChannel, type TencentSmsOptions } from './tencent-sms.channel';

const TEMPLATE = '1843925';

describe('TencentSmsChannel against the signature-checking fake', () => {
  let now = Date.parse('2026-11-23T02:00:00Z');
  let fake: FakeTencentSms;

  beforeEach(async () => {
    now = Date.parse('2026-11-23T02:00:00Z');
    fake = await FakeTencentSms.start({
      secrets: { AKIDfakeSecretId: 'fake-secret-key' },
      sdkAppId: '1400006666',
      signNames: ['回访中心'],
      templates: { [TEMPLATE]: 2 },
      now: () => now,
    });
  });
  afterEach(() => fake.close());

  const channel = (overrides: Partial<TencentSmsOptions> = {}): TencentSmsChannel =>
    new TencentSmsChannel({
      secretId: 'AKIDfakeSecretId',
      secretKey: 'fake-secret-key',
      sdkAppId: '1400006666',
      signName: '回访中心',
      region: 'ap-guangzhou',
      endpoint: fake.baseUrl,
      templateParamOrder: { [TEMPLATE]: ['name', 'date'] },
      timeoutMs: 5000,
      now: () => new Date(now),
      ...overrides,
    });

  // Keys deliberately not in template order: the adapter must order them.
  const message = {
    to: '+8613812345678',
    templateCode: TEMPLATE,
    params: { date: '11月30日', name: '张三' },
    reference: 'task-7',
  };

  async function failure(promise: Promise<unknown>): Promise<SmsChannelError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SmsChannelError);
    return error as SmsChannelError;
  }

  it('sends with positional parameters in template order', async () => {
    const result = await channel().send(message);
    expect(result.providerMessageId).toMatch(/^2433:\d+$/);
    expect(fake.sent).toEqual([
      expect.objectContaining({
        serialNo: result.providerMessageId,
        phoneNumber: '+8613812345678',
        templateId: TEMPLATE,
        params: ['张三', '11月30日'],
        sessionContext: 'task-7',
      }),
    ]);
  });

  it('is refused with a wrong secret key or an unknown secret id', async () => {
    const wrongKey = await failure(channel({ secretKey: 'wrong-key' }).send(message));
    expect([wrongKey.code, wrongKey.providerCode]).toEqual([
      SmsChannelErrorCode.AUTH_FAILED,
      'AuthFailure.SignatureFailure',
    ]);
    expect(wrongKey.message).not.toMatch(/13812345678|wrong-key|张三/);
    const unknownId = await failure(channel({ secretId: 'AKIDother' }).send(message));
    expect(unknownId.providerCode).toBe('AuthFailure.SecretIdNotFound');
    expect(fake.sent).toHaveLength(0);
  });

  it('is refused when the body is altered in transit', async () => {
    const tampering = channel({
      fetch: (url, init) =>
        fetch(url, { ...init, body: String(init.body).replace('+8613812345678', '+8613812345679') }),
    });
    expect((await failure(tampering.send(message))).providerCode).toBe('AuthFailure.SignatureFailure');
    expect(fake.sent).toHaveLength(0);
  });

  it('is refused when the timestamp is more than 5 minutes off', async () => {
    const late = channel({ now: () => new Date(now + 6 * 60_000) });
    expect((await failure(late.send(message))).providerCode).toBe('AuthFailure.SignatureExpire');
  });

  it('applies 1 per 30 seconds per number', async () => {
    await channel().send(message);
    const error = await failure(channel().send(message));
    expect([error.code, error.providerCode]).toEqual([
      SmsChannelErrorCode.RATE_LIMITED,
      'LimitExceeded.PhoneNumberThirtySecondLimit',
    ]);
    now += 31_000;
    await channel().send(message);
    expect(fake.sent).toHaveLength(2);
  });

  it('rejects an unknown template at the provider and parameters that do not fit before sending', async () => {
    const unknown = await failure(
      channel({ templateParamOrder: { '999': [] } }).send({ ...message, templateCode: '999', params: {} }),
    );
    expect([unknown.code, unknown.providerCode]).toEqual([
      SmsChannelErrorCode.TEMPLATE_REJECTED,
      'FailedOperation.TemplateIncorrectOrUnapproved',
    ]);
    const misfit = await failure(channel().send({ ...message, params: { name: '张三' } }));
    expect([misfit.code, misfit.providerCode]).toEqual([SmsChannelErrorCode.TEMPLATE_REJECTED, undefined]);
    const countMismatch = await failure(
      channel({ templateParamOrder: { [TEMPLATE]: ['name'] } }).send({ ...message, params: { name: '张三' } }),
    );
    expect(countMismatch.providerCode).toBe('InvalidParameterValue.TemplateParameterFormatError');
  });

  it('pushes status callbacks that the parser links back to the message', async () => {
    const { providerMessageId } = await channel().send(message);
    const receiver = await startReceiptReceiver(TENCENT_RECEIPT_ACK);
    try {
      now += 3_000;
      const answer = await fake.pushReceipts(receiver.baseUrl, fake.sent, false);
      expect(answer.json).toEqual({ result: 0, errmsg: 'OK' });
      expect(parseTencentReceipts(receiver.bodies[0])).toEqual([
        {
          providerMessageId,
          delivered: false,
          statusCode: 'MK:0001',
          reportedAt: '2026-11-23T10:00:03+08:00',
          reference: undefined,
        },
      ]);
    } finally {
      await receiver.close();
    }
  });

  it('finds an earlier send by SessionContext in the delivery reports, and says "unknown" while one may be late', async () => {
    const delayed = await FakeTencentSms.start({
      secrets: { AKIDfakeSecretId: 'fake-secret-key' },
      sdkAppId: '1400006666',
      signNames: ['回访中心'],
      templates: { [TEMPLATE]: 2 },
      now: () => now,
      reportDelayMs: 60_000,
    });
    try {
      const sms = channel({ endpoint: delayed.baseUrl, reportWaitMs: 10 * 60_000 });
      const sentAt = new Date(now);
      const { providerMessageId } = await sms.send({ ...message, reference: 'send-ref-1' });
      const lookup = (reference: string) => sms.findSent({ to: message.to, reference, notBefore: sentAt });
      expect(await lookup('send-ref-1')).toEqual({ state: 'unknown' });
      now += 61_000;
      expect(await lookup('send-ref-1')).toEqual({ state: 'found', providerMessageId });
      expect(await lookup('never-sent')).toEqual({ state: 'unknown' });
      now += 10 * 60_000;
      expect(await lookup('never-sent')).toEqual({ state: 'absent' });
      expect(delayed.sent).toHaveLength(1);
    } finally {
      await delayed.close();
    }
  });
});
