/** Why an SMS could not be handed to the provider. Closed: edges map every code exhaustively. */
export enum SmsChannelErrorCode {
  /** The provider's per-number or per-account flow control refused the message; retry later. */
  RATE_LIMITED = 'RATE_LIMITED',
  /** Not a mainland mobile number, or the provider rejected the number. */
  INVALID_NUMBER = 'INVALID_NUMBER',
  /** Unknown or unapproved template, or parameters that do not fit it. */
  TEMPLATE_REJECTED = 'TEMPLATE_REJECTED',
  /** Unknown or unapproved signature name (签名). */
  SIGN_NAME_REJECTED = 'SIGN_NAME_REJECTED',
  /** Credentials refused: wrong key, bad signature, expired timestamp. */
  AUTH_FAILED = 'AUTH_FAILED',
  /** Balance or package exhausted on the provider account. */
  INSUFFICIENT_BALANCE = 'INSUFFICIENT_BALANCE',
  /** Network failure, timeout, 5xx or an answer we cannot read; the message may be retried. */
  PROVIDER_UNAVAILABLE = 'PROVIDER_UNAVAILABLE',
  /** The provider refused for a reason with no better code (content filters, blacklists, ...). */
  REJECTED = 'REJECTED',
}

/** Codes for which sending the same message again later can succeed. */
export const RETRYABLE_SMS_ERRORS: ReadonlySet<SmsChannelErrorCode> = new Set([
  SmsChannelErrorCode.RATE_LIMITED,
  SmsChannelErrorCode.PROVIDER_UNAVAILABLE,
]);

/**
 * Failure of an SMS channel. `providerCode` is the provider's own code (never patient data) so operators can
 * look it up in the provider console; the message never contains the phone number or parameters.
 */
export class SmsChannelError extends Error {
  constructor(
    readonly code: SmsChannelErrorCode,
    readonly provider: string,
    readonly providerCode: string | undefined,
    detail: string,
  ) {
    super(`${provider} SMS ${code}${providerCode === undefined ? '' : ` (${providerCode})`}: ${detail}`);
    this.name = 'SmsChannelError';
  }

  get retryable(): boolean {
    return RETRYABLE_SMS_ERRORS.has(this.code);
  }
}
