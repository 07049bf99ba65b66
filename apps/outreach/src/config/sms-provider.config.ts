import { Type } from '@sinclair/typebox';
import { alibabaSmsConfigSchema } from '../channels/sms/alibaba/alibaba-sms.config';
import { tencentSmsConfigSchema } from '../channels/sms/tencent/tencent-sms.config';

const alibaba = alibabaSmsConfigSchema.properties;
const tencent = tencentSmsConfigSchema.properties;

/**
 * The SMS providers' keys, part of the outreach config validated at boot: optional one by one, required as a
 * group by the provider `SMS_PROVIDER` names (see SMS_PROVIDER_REQUIREMENTS).
 */
export const smsProviderConfigProperties = {
  ALIYUN_SMS_ACCESS_KEY_ID: Type.Optional(alibaba.ALIYUN_SMS_ACCESS_KEY_ID),
  ALIYUN_SMS_ACCESS_KEY_SECRET: Type.Optional(alibaba.ALIYUN_SMS_ACCESS_KEY_SECRET),
  ALIYUN_SMS_SIGN_NAME: Type.Optional(alibaba.ALIYUN_SMS_SIGN_NAME),
  ALIYUN_SMS_ENDPOINT: alibaba.ALIYUN_SMS_ENDPOINT,
  ALIYUN_SMS_TIMEOUT_MS: alibaba.ALIYUN_SMS_TIMEOUT_MS,
  TENCENT_SMS_SECRET_ID: Type.Optional(tencent.TENCENT_SMS_SECRET_ID),
  TENCENT_SMS_SECRET_KEY: Type.Optional(tencent.TENCENT_SMS_SECRET_KEY),
  TENCENT_SMS_SDK_APP_ID: Type.Optional(tencent.TENCENT_SMS_SDK_APP_ID),
  TENCENT_SMS_SIGN_NAME: Type.Optional(tencent.TENCENT_SMS_SIGN_NAME),
  TENCENT_SMS_REGION: tencent.TENCENT_SMS_REGION,
  TENCENT_SMS_ENDPOINT: tencent.TENCENT_SMS_ENDPOINT,
  TENCENT_SMS_TEMPLATE_PARAMS: Type.Optional(tencent.TENCENT_SMS_TEMPLATE_PARAMS),
  TENCENT_SMS_TIMEOUT_MS: tencent.TENCENT_SMS_TIMEOUT_MS,
};

const requiredWhen = (provider: string, keys: readonly string[]) => ({
  if: { properties: { SMS_PROVIDER: { const: provider } }, required: ['SMS_PROVIDER'] },
  then: { required: keys },
});

/** JSON Schema `allOf`: the chosen provider's keys are required at boot, not discovered missing at the first send. */
export const SMS_PROVIDER_REQUIREMENTS = [
  requiredWhen('alibaba', ['ALIYUN_SMS_ACCESS_KEY_ID', 'ALIYUN_SMS_ACCESS_KEY_SECRET', 'ALIYUN_SMS_SIGN_NAME']),
  requiredWhen('tencent', [
    'TENCENT_SMS_SECRET_ID',
    'TENCENT_SMS_SECRET_KEY',
    'TENCENT_SMS_SDK_APP_ID',
    'TENCENT_SMS_SIGN_NAME',
    'TENCENT_SMS_TEMPLATE_PARAMS',
  ]),
];
