import { alibabaSmsChannelFromConfig, type SmsChannel, tencentSmsChannelFromConfig } from '../channels/sms';
import { type FetchLike } from '../channels/sms/provider-http';
import { type OutreachConfig } from '../config/outreach.config';

/** The SMS provider `SMS_PROVIDER` names, built from the config validated at boot (never from the environment). */
export function smsChannelOf(config: OutreachConfig, fetchImpl?: FetchLike): SmsChannel | undefined {
  switch (config.SMS_PROVIDER) {
    case 'none':
      return undefined;
    case 'alibaba':
      return alibabaSmsChannelFromConfig(
        {
          ALIYUN_SMS_ACCESS_KEY_ID: present(config.ALIYUN_SMS_ACCESS_KEY_ID),
          ALIYUN_SMS_ACCESS_KEY_SECRET: present(config.ALIYUN_SMS_ACCESS_KEY_SECRET),
          ALIYUN_SMS_SIGN_NAME: present(config.ALIYUN_SMS_SIGN_NAME),
          ALIYUN_SMS_ENDPOINT: config.ALIYUN_SMS_ENDPOINT,
          ALIYUN_SMS_TIMEOUT_MS: config.ALIYUN_SMS_TIMEOUT_MS,
        },
        fetchImpl,
      );
    case 'tencent':
      return tencentSmsChannelFromConfig(
        {
          TENCENT_SMS_SECRET_ID: present(config.TENCENT_SMS_SECRET_ID),
          TENCENT_SMS_SECRET_KEY: present(config.TENCENT_SMS_SECRET_KEY),
          TENCENT_SMS_SDK_APP_ID: present(config.TENCENT_SMS_SDK_APP_ID),
          TENCENT_SMS_SIGN_NAME: present(config.TENCENT_SMS_SIGN_NAME),
          TENCENT_SMS_REGION: config.TENCENT_SMS_REGION,
          TENCENT_SMS_ENDPOINT: config.TENCENT_SMS_ENDPOINT,
          TENCENT_SMS_TEMPLATE_PARAMS: present(config.TENCENT_SMS_TEMPLATE_PARAMS),
          TENCENT_SMS_TIMEOUT_MS: config.TENCENT_SMS_TIMEOUT_MS,
        },
        fetchImpl,
      );
  }
}

// SMS_PROVIDER_REQUIREMENTS made these keys required at boot; a hand-built config that skipped it fails here.
function present(value: string | undefined): string {
  if (value === undefined) throw new Error('SMS provider key missing from a config that was not validated');
  return value;
}
