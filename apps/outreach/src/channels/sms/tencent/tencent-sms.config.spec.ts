import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadTencentSmsConfig, parseTemplateParamOrder } from './tencent-sms.config';

describe('Tencent SMS config', () => {
  it('reads the secret key from a mounted file and applies defaults', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'tencent-sms-')), 'key');
    writeFileSync(file, 'key-from-file\n');
    const config = loadTencentSmsConfig({
      TENCENT_SMS_SECRET_ID: 'AKIDx',
      TENCENT_SMS_SECRET_KEY_FILE: file,
      TENCENT_SMS_SDK_APP_ID: '1400006666',
      TENCENT_SMS_SIGN_NAME: '回访中心',
      TENCENT_SMS_TEMPLATE_PARAMS: '1110=name,date;1111=',
    });
    expect(config.TENCENT_SMS_SECRET_KEY).toBe('key-from-file');
    expect(config.TENCENT_SMS_REGION).toBe('ap-guangzhou');
    expect(parseTemplateParamOrder(config.TENCENT_SMS_TEMPLATE_PARAMS)).toEqual({
      '1110': ['name', 'date'],
      '1111': [],
    });
  });

  it('lists every problem without echoing the secret', () => {
    expect(() =>
      loadTencentSmsConfig({ TENCENT_SMS_SECRET_KEY: 'top-secret-value', TENCENT_SMS_TEMPLATE_PARAMS: 'oops' }),
    ).toThrow(expect.objectContaining({ message: expect.not.stringContaining('top-secret-value') }) as Error);
  });
});
