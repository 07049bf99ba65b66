import { FakeAlibabaSms, startReceiptReceiver } from '@revisit/provider-fakes';
import { SmsChannelError, SmsChannelErrorCode } from '../sms-channel.errors';
import { ALIBABA_RECEIPT_ACK, parseAlibabaReceipts } from './alibaba-sms-receipt';
import { AlibabaSmsChannel } from './alibaba-sms.channel';

const PATIENT_PHONE = '+8613812345678';
const TEMPLATE = 'SMS_465320001';

describe('AlibabaSmsChannel against the signature-checking fake', () => {
  let now = Date.parse('2026-11-23T02:00:00Z');
  let fake: FakeAlibabaSms;

  beforeEach(async () => {
    now = Date.parse('2026-11-23T02:00:00Z');
    fake = await FakeAlibabaSms.start({
      accessKeys: { LTAI5tFakeKeyId: 'fake-secret-0123456789' },
      signNames: ['回访中心'],
      templates: { [TEMPLATE]: ['name', 'date'] },
      now: () => now,
    });
  });
  afterEach(() => fake.close());

  const channel = (secret = 'fake-secret-0123456789'): AlibabaSmsChannel =>
    new AlibabaSmsChannel({
      accessKeyId: 'LTAI5tFakeKeyId',
      accessKeySecret: secret,
      signName: '回访中心',
      endpoint: fake.baseUrl,
      timeoutMs: 5000,
      now: () => new Date(now),
    });

  const message = {
    to: PATIENT_PHONE,
    templateCode: TEMPLATE,
    params: { name: '张三', date: '11月30日' },
    reference: 'task-1',
  };

  async function failure(promise: Promise<unknown>): Promise<SmsChannelError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SmsChannelError);
    return error as SmsChannelError;
  }

  it('sends, and the fake records exactly what was asked', async () => {
    const result = await channel().send(message);
    expect(result.providerMessageId).toMatch(/^\d+\^0$/);
    expect(fake.sent).toEqual([
      expect.objectContaining({
        bizId: result.providerMessageId,
        phoneNumber: '13812345678',
        templateCode: TEMPLATE,
        params: { name: '张三', date: '11月30日' },
        outId: 'task-1',
      }),
    ]);
  });

  it('is refused with a wrong secret, and the error names neither phone nor secret', async () => {
    const error = await failure(channel('wrong-secret').send(message));
    expect(error.code).toBe(SmsChannelErrorCode.AUTH_FAILED);
    expect(error.providerCode).toBe('SignatureDoesNotMatch');
    expect(error.message).not.toMatch(/13812345678|wrong-secret|张三/);
    expect(fake.sent).toHaveLength(0);
  });

  it('is refused when a signed part is altered in transit, or the request is replayed', async () => {
    const tampering = new AlibabaSmsChannel({
      accessKeyId: 'LTAI5tFakeKeyId',
      accessKeySecret: 'fake-secret-0123456789',
      signName: '回访中心',
      endpoint: fake.baseUrl,
      timeoutMs: 5000,
      now: () => new Date(now),
      fetch: (url, init) => fetch(url.replace('13812345678', '13812345679'), init),
    });
    expect((await failure(tampering.send(message))).providerCode).toBe('SignatureDoesNotMatch');
    const replaying = new AlibabaSmsChannel({
      accessKeyId: 'LTAI5tFakeKeyId',
      accessKeySecret: 'fake-secret-0123456789',
      signName: '回访中心',
      endpoint: fake.baseUrl,
      timeoutMs: 5000,
      now: () => new Date(now),
      fetch: async (url, init) => {
        await fetch(url, init);
        return fetch(url, init);
      },
    });
    expect((await failure(replaying.send(message))).providerCode).toBe('SignatureNonceUsed');
    expect(fake.sent).toHaveLength(1);
  });

  it('is refused when the clock is more than 15 minutes off', async () => {
    const skewed = new AlibabaSmsChannel({
      accessKeyId: 'LTAI5tFakeKeyId',
      accessKeySecret: 'fake-secret-0123456789',
      signName: '回访中心',
      endpoint: fake.baseUrl,
      timeoutMs: 5000,
      now: () => new Date(now - 16 * 60_000),
    });
    expect((await failure(skewed.send(message))).providerCode).toBe('InvalidTimeStamp.Expired');
  });

  it('applies 1 per minute per number, then lets the next minute through', async () => {
    await channel().send(message);
    const error = await failure(channel().send(message));
    expect(error.code).toBe(SmsChannelErrorCode.RATE_LIMITED);
    expect(error.retryable).toBe(true);
    expect(error.providerCode).toBe('isv.BUSINESS_LIMIT_CONTROL');
    await channel().send({ ...message, to: '+8613912345678' });
    now += 61_000;
    await channel().send(message);
    expect(fake.sent).toHaveLength(3);
  });

  it('rejects an unknown template and parameters that do not fit it', async () => {
    expect((await failure(channel().send({ ...message, templateCode: 'SMS_000000000' }))).providerCode).toBe(
      'isv.SMS_TEMPLATE_ILLEGAL',
    );
    const missing = await failure(channel().send({ ...message, params: { name: '张三' } }));
    expect([missing.code, missing.providerCode]).toEqual([
      SmsChannelErrorCode.TEMPLATE_REJECTED,
      'isv.TEMPLATE_MISSING_PARAMETERS',
    ]);
  });

  it('refuses a landline before calling the provider', async () => {
    expect((await failure(channel().send({ ...message, to: '+867551234567' }))).code).toBe(
      SmsChannelErrorCode.INVALID_NUMBER,
    );
    expect(fake.sent).toHaveLength(0);
  });

  it('reports PROVIDER_UNAVAILABLE when nothing listens', async () => {
    const url = fake.baseUrl;
    await fake.close();
    const down = new AlibabaSmsChannel({
      accessKeyId: 'x',
      accessKeySecret: 'y',
      signName: '回访中心',
      endpoint: url,
      timeoutMs: 2000,
    });
    expect((await failure(down.send(message))).code).toBe(SmsChannelErrorCode.PROVIDER_UNAVAILABLE);
    fake = await FakeAlibabaSms.start({ accessKeys: {}, signNames: [], templates: {} });
  });

  it('pushes SmsReport receipts that the parser links back to the message', async () => {
    const { providerMessageId } = await channel().send(message);
    const receiver = await startReceiptReceiver(ALIBABA_RECEIPT_ACK);
    try {
      now += 5_000;
      const answer = await fake.pushReceipts(receiver.baseUrl, fake.sent);
      expect(answer.json).toEqual({ code: 0, msg: '成功' });
      expect(parseAlibabaReceipts(receiver.bodies[0])).toEqual([
        {
          providerMessageId,
          delivered: true,
          statusCode: 'DELIVERED',
          reportedAt: '2026-11-23T10:00:05+08:00',
          reference: 'task-1',
        },
      ]);
    } finally {
      await receiver.close();
    }
  });
});
