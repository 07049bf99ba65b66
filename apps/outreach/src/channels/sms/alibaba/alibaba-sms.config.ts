import { loadConfig } from '@revisit/platform';
import { type Static, Type } from '@sinclair/typebox';

/**
 * Alibaba Cloud SMS settings. Each key may instead be given as `<KEY>_FILE` (mounted secret); the secret is
 * never logged because `loadConfig` does not echo values.
 */
export const alibabaSmsConfigSchema = Type.Object({
  ALIYUN_SMS_ACCESS_KEY_ID: Type.String({ minLength: 1 }),
  ALIYUN_SMS_ACCESS_KEY_SECRET: Type.String({ minLength: 1 }),
  /** The approved 签名 printed in 【】 before every message. */
  ALIYUN_SMS_SIGN_NAME: Type.String({ minLength: 1 }),
  ALIYUN_SMS_ENDPOINT: Type.String({ format: 'uri', default: 'https://dysmsapi.aliyuncs.com' }),
  ALIYUN_SMS_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 60000, default: 10000 }),
});

export type AlibabaSmsConfig = Static<typeof alibabaSmsConfigSchema>;

export function loadAlibabaSmsConfig(env: NodeJS.ProcessEnv): AlibabaSmsConfig {
  return loadConfig(alibabaSmsConfigSchema, env);
}
