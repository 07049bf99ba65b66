import { SmsChannelErrorCode } from '../sms-channel.errors';

/**
 * Tencent Cloud SMS codes (common API 3.0 errors and the SendSms error-code table) to ours. Matched by
 * prefix for families (`AuthFailure.*`); anything unlisted is REJECTED.
 */
const EXACT: Readonly<Record<string, SmsChannelErrorCode>> = {
  'UnauthorizedOperation.SmsSdkAppIdVerifyFail': SmsChannelErrorCode.AUTH_FAILED,
  'InvalidParameterValue.IncorrectPhoneNumber': SmsChannelErrorCode.INVALID_NUMBER,
  'UnsupportedOperation.ContainDomesticAndInternationalPhoneNumber': SmsChannelErrorCode.INVALID_NUMBER,
  'FailedOperation.TemplateIncorrectOrUnapproved': SmsChannelErrorCode.TEMPLATE_REJECTED,
  'InvalidParameterValue.TemplateParameterFormatError': SmsChannelErrorCode.TEMPLATE_REJECTED,
  'InvalidParameterValue.TemplateParameterLengthLimit': SmsChannelErrorCode.TEMPLATE_REJECTED,
  'FailedOperation.SignatureIncorrectOrUnapproved': SmsChannelErrorCode.SIGN_NAME_REJECTED,
  'FailedOperation.InsufficientBalanceInSmsPackage': SmsChannelErrorCode.INSUFFICIENT_BALANCE,
};

const PREFIXES: ReadonlyArray<readonly [string, SmsChannelErrorCode]> = [
  ['AuthFailure.', SmsChannelErrorCode.AUTH_FAILED],
  ['LimitExceeded.', SmsChannelErrorCode.RATE_LIMITED],
  ['RequestLimitExceeded', SmsChannelErrorCode.RATE_LIMITED],
  ['InternalError', SmsChannelErrorCode.PROVIDER_UNAVAILABLE],
];

export function tencentErrorCode(providerCode: string): SmsChannelErrorCode {
  const exact = EXACT[providerCode];
  if (exact !== undefined) return exact;
  return PREFIXES.find(([prefix]) => providerCode.startsWith(prefix))?.[1] ?? SmsChannelErrorCode.REJECTED;
}
