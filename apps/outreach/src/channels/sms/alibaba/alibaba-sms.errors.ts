import { SmsChannelErrorCode } from '../sms-channel.errors';

/**
 * Alibaba Cloud codes (gateway codes of the V3 signature document and the SendSms error-code table) to ours.
 * Anything unlisted is REJECTED: a new refusal reason must not be retried blindly.
 */
const CODES: Readonly<Record<string, SmsChannelErrorCode>> = {
  SignatureDoesNotMatch: SmsChannelErrorCode.AUTH_FAILED,
  IncompleteSignature: SmsChannelErrorCode.AUTH_FAILED,
  'InvalidAccessKeyId.NotFound': SmsChannelErrorCode.AUTH_FAILED,
  'InvalidAccessKeyId.Inactive': SmsChannelErrorCode.AUTH_FAILED,
  'InvalidTimeStamp.Expired': SmsChannelErrorCode.AUTH_FAILED,
  SignatureNonceUsed: SmsChannelErrorCode.AUTH_FAILED,
  'isp.RAM_PERMISSION_DENY': SmsChannelErrorCode.AUTH_FAILED,
  'isv.BUSINESS_LIMIT_CONTROL': SmsChannelErrorCode.RATE_LIMITED,
  'isv.DAY_LIMIT_CONTROL': SmsChannelErrorCode.RATE_LIMITED,
  Throttling: SmsChannelErrorCode.RATE_LIMITED,
  'Throttling.User': SmsChannelErrorCode.RATE_LIMITED,
  'isv.MOBILE_NUMBER_ILLEGAL': SmsChannelErrorCode.INVALID_NUMBER,
  'isv.MOBILE_COUNT_OVER_LIMIT': SmsChannelErrorCode.INVALID_NUMBER,
  'isv.SMS_TEMPLATE_ILLEGAL': SmsChannelErrorCode.TEMPLATE_REJECTED,
  'isv.TEMPLATE_MISSING_PARAMETERS': SmsChannelErrorCode.TEMPLATE_REJECTED,
  'isv.TEMPLATE_PARAMS_ILLEGAL': SmsChannelErrorCode.TEMPLATE_REJECTED,
  'isv.INVALID_JSON_PARAM': SmsChannelErrorCode.TEMPLATE_REJECTED,
  'isv.PARAM_LENGTH_LIMIT': SmsChannelErrorCode.TEMPLATE_REJECTED,
  'isv.SMS_SIGNATURE_ILLEGAL': SmsChannelErrorCode.SIGN_NAME_REJECTED,
  'isv.SIGN_NAME_ILLEGAL': SmsChannelErrorCode.SIGN_NAME_REJECTED,
  'isv.AMOUNT_NOT_ENOUGH': SmsChannelErrorCode.INSUFFICIENT_BALANCE,
  'isv.OUT_OF_SERVICE': SmsChannelErrorCode.INSUFFICIENT_BALANCE,
  'isp.SYSTEM_ERROR': SmsChannelErrorCode.PROVIDER_UNAVAILABLE,
  ServiceUnavailable: SmsChannelErrorCode.PROVIDER_UNAVAILABLE,
};

export function alibabaErrorCode(providerCode: string): SmsChannelErrorCode {
  return CODES[providerCode] ?? SmsChannelErrorCode.REJECTED;
}
