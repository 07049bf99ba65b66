import { AlibabaSmsChannel } from './alibaba/alibaba-sms.channel';
import type { AlibabaSmsConfig } from './alibaba/alibaba-sms.config';
import type { FetchLike } from './provider-http';
import { TencentSmsChannel } from './tencent/tencent-sms.channel';
import { parseTemplateParamOrder, type TencentSmsConfig } from './tencent/tencent-sms.config';

export function alibabaSmsChannelFromConfig(config: AlibabaSmsConfig, fetchImpl?: FetchLike): AlibabaSmsChannel {
  return new AlibabaSmsChannel({
    accessKeyId: config.ALIYUN_SMS_ACCESS_KEY_ID,
    accessKeySecret: config.ALIYUN_SMS_ACCESS_KEY_SECRET,
    signName: config.ALIYUN_SMS_SIGN_NAME,
    endpoint: config.ALIYUN_SMS_ENDPOINT,
    timeoutMs: config.ALIYUN_SMS_TIMEOUT_MS,
    ...(fetchImpl === undefined ? {} : { fetch: fetchImpl }),
  });
}

export function tencentSmsChannelFromConfig(config: TencentSmsConfig, fetchImpl?: FetchLike): TencentSmsChannel {
  return new TencentSmsChannel({
    secretId: config.TENCENT_SMS_SECRET_ID,
    secretKey: config.TENCENT_SMS_SECRET_KEY,
    sdkAppId: config.TENCENT_SMS_SDK_APP_ID,
    signName: config.TENCENT_SMS_SIGN_NAME,
    region: config.TENCENT_SMS_REGION,
    endpoint: config.TENCENT_SMS_ENDPOINT,
    templateParamOrder: parseTemplateParamOrder(config.TENCENT_SMS_TEMPLATE_PARAMS),
    timeoutMs: config.TENCENT_SMS_TIMEOUT_MS,
    ...(fetchImpl === undefined ? {} : { fetch: fetchImpl }),
  });
}
