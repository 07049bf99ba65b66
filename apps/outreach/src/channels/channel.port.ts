import type { ATTEMPT_DISPOSITIONS, OutreachChannel } from '@revisit/domain';

/**
 * The shared vocabulary of how a contact attempt ended (`revisit.outreach.attempt-recorded.v1`): every
 * channel maps its provider's outcomes onto it, so escalation rules never read provider codes.
 */
export type Disposition = (typeof ATTEMPT_DISPOSITIONS)[number];

export interface ChannelSendResult {
  /** The provider's id for the message, call or call batch: the key that links callbacks back to it. */
  readonly providerMessageId: string;
}

/**
 * Port every outreach channel implements: hand one message (or call) to the provider, or throw
 * `ChannelError`. What happened to it arrives later as a `ChannelOutcome` (receipt, call event, callback).
 */
export interface OutreachChannelPort<Message> {
  readonly channel: OutreachChannel;
  /** Short provider name for logs and metrics (`wechat-oa`, `wecom`, `http-cti`, ...). */
  readonly provider: string;
  send(message: Message): Promise<ChannelSendResult>;
}

/** A provider's final word on one message or call, normalised. Never carries a phone number or a name. */
export interface ChannelOutcome {
  readonly channel: OutreachChannel;
  readonly provider: string;
  readonly providerMessageId: string;
  readonly disposition: Disposition;
  /** The provider's own status or cause code, for operators (`success`, `failed:user block`, `NO_ANSWER`). */
  readonly providerStatus: string;
  /** When the provider says it happened, ISO-8601 with offset. */
  readonly occurredAt: string;
  /** Seconds of conversation; 0 for messages and unanswered calls. */
  readonly talkSeconds: number;
  /** Seconds the phone rang before it was answered or given up, for calls. */
  readonly ringSeconds?: number;
  /** Recording reference in the provider's store (not a URL a browser could open without credentials). */
  readonly recordingRef?: string;
  /** Our correlation id echoed back by the provider (task or attempt id), when it gave one. */
  readonly reference?: string;
}
