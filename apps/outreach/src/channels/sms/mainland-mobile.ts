import { PhoneNumber } from '@revisit/domain';
import { SmsChannelError, SmsChannelErrorCode } from './sms-channel.errors';

/**
 * Checks the recipient before any request leaves: only mainland mobiles in E.164 are accepted, so a landline
 * or a foreign number never costs a provider call. The number is not echoed in the error.
 */
export function requireMainlandMobile(e164: string, provider: string): PhoneNumber {
  if (!/^\+86\d{11}$/.test(e164)) {
    throw new SmsChannelError(SmsChannelErrorCode.INVALID_NUMBER, provider, undefined, 'recipient is not +86 E.164');
  }
  const parsed = PhoneNumber.parse(e164);
  if (!parsed.ok || parsed.phone.kind !== 'mobile') {
    throw new SmsChannelError(SmsChannelErrorCode.INVALID_NUMBER, provider, undefined, 'recipient is not a mobile');
  }
  return parsed.phone;
}
