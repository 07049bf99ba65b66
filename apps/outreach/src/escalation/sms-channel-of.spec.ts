import { ConfigValidationError, loadConfig } from '@revisit/platform';
import type { FetchLike } from '../channels/sms/provider-http';
import { outreachConfigSchema } from '../config/outreach.config';
import { smsChannelOf } from './sms-channel-of';

const BASE = {
  DATABASE_URL: 'postgres://127.0.0.1:5432/revisit',
  KAFKA_BROKERS: '127.0.0.1:9092',
  REDIS_URL: 'redis://127.0.0.1:6379',
};

function recorder() {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchImpl: FetchLike = (url, init) => {
    calls.push({ url, init });
    return Promise.resolve(Response.json({ Code: 'OK', Message: 'OK', BizId: '1^0', RequestId: 'r' }));
  };
  return { calls, fetchImpl };
}

describe('the SMS channel outreach sends with', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('is built from the validated config, whatever the process environment holds', async () => {
    process.env['ALIYUN_SMS_ACCESS_KEY_ID'] = 'LTAI5tFromTheEnvironment';
    const config = loadConfig(outreachConfigSchema, {
      ...BASE,
      SMS_PROVIDER: 'alibaba',
      ALIYUN_SMS_ACCESS_KEY_ID: 'LTAI5tFromConfig',
      ALIYUN_SMS_ACCESS_KEY_SECRET: 'config-secret',
      ALIYUN_SMS_SIGN_NAME: '回访中心',
      ALIYUN_SMS_ENDPOINT: 'https://sms.example.test',
    });
    const { calls, fetchImpl } = recorder();
    await smsChannelOf(config, fetchImpl)?.send({ to: '+8613812345678', templateCode: 'SMS_1', params: {} });
    expect(calls[0]?.url).toMatch(/^https:\/\/sms\.example\.test\//);
    const headers = calls[0]?.init.headers as Record<string, string>;
    expect(headers['authorization']).toMatch(/Credential=LTAI5tFromConfig,/);
  });

  it('is none when SMS_PROVIDER is none, even with provider keys around', () => {
    const config = loadConfig(outreachConfigSchema, { ...BASE, ALIYUN_SMS_ACCESS_KEY_ID: 'LTAI5tUnused' });
    expect(smsChannelOf(config)).toBeUndefined();
  });

  it.each([
    ['alibaba', ['ALIYUN_SMS_ACCESS_KEY_ID', 'ALIYUN_SMS_ACCESS_KEY_SECRET', 'ALIYUN_SMS_SIGN_NAME']],
    [
      'tencent',
      [
        'TENCENT_SMS_SDK_APP_ID',
        'TENCENT_SMS_SECRET_ID',
        'TENCENT_SMS_SECRET_KEY',
        'TENCENT_SMS_SIGN_NAME',
        'TENCENT_SMS_TEMPLATE_PARAMS',
      ],
    ],
  ])('refuses to boot with SMS_PROVIDER=%s but without its keys, naming each', (provider, keys) => {
    let refused: unknown;
    try {
      loadConfig(outreachConfigSchema, { ...BASE, SMS_PROVIDER: provider });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ConfigValidationError);
    expect((refused as ConfigValidationError).problems).toEqual(
      expect.arrayContaining(keys.map((key) => `${key}: is required`)),
    );
  });
});
