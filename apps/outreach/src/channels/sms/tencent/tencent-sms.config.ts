import { loadConfig } from '@revisit/platform';
import { type Static, Type } from '@sinclair/typebox';

/** Tencent Cloud SMS settings; each key may be given as `<KEY>_FILE` (mounted secret). */
export const tencentSmsConfigSchema = Type.Object({
  TENCENT_SMS_SECRET_ID: Type.String({ minLength: 1 }),
  TENCENT_SMS_SECRET_KEY: Type.String({ minLength: 1 }),
  TENCENT_SMS_SDK_APP_ID: Type.String({ pattern: '^\\d+$' }),
  TENCENT_SMS_SIGN_NAME: Type.String({ minLength: 1 }),
  TENCENT_SMS_REGION: Type.String({ default: 'ap-guangzhou' }),
  TENCENT_SMS_ENDPOINT: Type.String({ format: 'uri', default: 'https://sms.tencentcloudapi.com' }),
  /**
   * Tencent templates are positional ({1}, {2}); this gives each template's parameter names in order:
   * `1110=code,minutes;1111=name`.
   */
  TENCENT_SMS_TEMPLATE_PARAMS: Type.String({ pattern: '^\\d+=[\\w,]*(;\\d+=[\\w,]*)*$' }),
  TENCENT_SMS_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 60000, default: 10000 }),
});

export type TencentSmsConfig = Static<typeof tencentSmsConfigSchema>;

export function loadTencentSmsConfig(env: NodeJS.ProcessEnv): TencentSmsConfig {
  return loadConfig(tencentSmsConfigSchema, env);
}

export function parseTemplateParamOrder(spec: string): Record<string, readonly string[]> {
  const order: Record<string, readonly string[]> = {};
  for (const entry of spec.split(';')) {
    const [templateId = '', names = ''] = entry.split('=');
    order[templateId] = names === '' ? [] : names.split(',');
  }
  return order;
}
