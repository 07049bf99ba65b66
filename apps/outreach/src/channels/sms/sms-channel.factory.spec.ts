import { inspect } from 'node:util';
import { loadAlibabaSmsConfig } from './alibaba/alibaba-sms.config';
import type { FetchLike } from './provider-http';
import { alibabaSmsChannelFromConfig } from './sms-channel.factory';

describe('SMS channels built from config', () => {
  const config = loadAlibabaSmsConfig({
    ALIYUN_SMS_ACCESS_KEY_ID: 'LTAI5tKeyId',
    ALIYUN_SMS_ACCESS_KEY_SECRET: 'very-secret-value',
    ALIYUN_SMS_SIGN_NAME: '回访中心',
  });

  it('keep the secret out of inspection and JSON', () => {
    const channel = alibabaSmsChannelFromConfig(config);
    expect(inspect(channel, { depth: 5 })).not.toContain('very-secret-value');
    expect(JSON.stringify(channel)).not.toContain('very-secret-value');
  });

  it('use the documented endpoint by default and sign with the configured key id', async () => {
    const calls: Array<{ url: string; init: RequestInit }> = [];
    const recording: FetchLike = (url, init) => {
      calls.push({ url, init });
      return Promise.resolve(Response.json({ Code: 'OK', Message: 'OK', BizId: '1^0', RequestId: 'r' }));
    };
    const result = await alibabaSmsChannelFromConfig(config, recording).send({
      to: '+8613812345678',
      templateCode: 'SMS_1',
      params: { code: '1234' },
    });
    expect(result.providerMessageId).toBe('1^0');
    expect(calls[0]?.url).toMatch(/^https:\/\/dysmsapi\.aliyuncs\.com\/\?PhoneNumbers=13812345678&SignName=/);
    const headers = calls[0]?.init.headers as Record<string, string>;
    expect(headers['authorization']).toMatch(
      /^ACS3-HMAC-SHA256 Credential=LTAI5tKeyId,SignedHeaders=host;x-acs-action;/,
    );
    expect(headers['x-acs-action']).toBe('SendSms');
    expect(headers['x-acs-version']).toBe('2017-05-25');
  });
});
