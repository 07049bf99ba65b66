import type { Disposition } from './channel.port';

/** Why a channel could not hand a message or call to its provider. Closed: edges map every code. */
export enum ChannelErrorCode {
  /** Credentials refused: wrong secret, bad signature, expired or invalid token after a refresh. */
  AUTH_FAILED = 'AUTH_FAILED',
  /** Provider flow control; the same request may succeed later. */
  RATE_LIMITED = 'RATE_LIMITED',
  /** The recipient id is not valid for this account (unknown openid, malformed number). */
  INVALID_RECIPIENT = 'INVALID_RECIPIENT',
  /** The recipient cannot be reached on this channel now (unfollowed, no subscription, not a contact). */
  RECIPIENT_UNREACHABLE = 'RECIPIENT_UNREACHABLE',
  /** The recipient blocked or refused messages from us on this channel. */
  RECIPIENT_OPTED_OUT = 'RECIPIENT_OPTED_OUT',
  /** Unknown template or script, or data that does not fit it. */
  TEMPLATE_REJECTED = 'TEMPLATE_REJECTED',
  /** Network failure, timeout, 5xx or an answer we cannot read; may be retried. */
  PROVIDER_UNAVAILABLE = 'PROVIDER_UNAVAILABLE',
  /** Refused for a reason with no better code; not retried blindly. */
  REJECTED = 'REJECTED',
}

const RETRYABLE: ReadonlySet<ChannelErrorCode> = new Set([
  ChannelErrorCode.RATE_LIMITED,
  ChannelErrorCode.PROVIDER_UNAVAILABLE,
]);

/** What a refusal says about the patient, for the codes that say anything (the others are our problem). */
const DISPOSITION_OF: Partial<Record<ChannelErrorCode, Disposition>> = {
  [ChannelErrorCode.INVALID_RECIPIENT]: 'wrong-number',
  [ChannelErrorCode.RECIPIENT_UNREACHABLE]: 'unreachable',
  [ChannelErrorCode.RECIPIENT_OPTED_OUT]: 'do-not-contact',
};

/**
 * Failure of a channel. `providerCode` is the provider's own code (never patient data) so operators can look
 * it up; the message never contains a phone number, an openid, template data or a secret.
 */
export class ChannelError extends Error {
  constructor(
    readonly code: ChannelErrorCode,
    readonly provider: string,
    readonly providerCode: string | undefined,
    detail: string,
  ) {
    super(`${provider} ${code}${providerCode === undefined ? '' : ` (${providerCode})`}: ${detail}`);
    this.name = 'ChannelError';
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.code);
  }

  /** The attempt disposition this refusal implies, when it is about the recipient rather than about us. */
  get disposition(): Disposition | undefined {
    return DISPOSITION_OF[this.code];
  }
}
