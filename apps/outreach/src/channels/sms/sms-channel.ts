/** A templated text message to one mainland mobile. */
export interface SmsMessage {
  /** E.164, mainland mobile only: `+8613812345678`. */
  readonly to: string;
  /** Provider-side template id (`SMS_123456789` at Alibaba Cloud, `1110` at Tencent Cloud). */
  readonly templateCode: string;
  /**
   * Template variables by name. Alibaba Cloud uses the names; Tencent Cloud templates are positional
   * (`{1}`, `{2}`), so its adapter orders values by the names configured for the template.
   */
  readonly params: Readonly<Record<string, string>>;
  /** Our correlation id, echoed by the provider in receipts (Alibaba `OutId`, Tencent `SessionContext`). */
  readonly reference?: string;
}

export interface SmsSendResult {
  /** The provider's id for this message, the key that links delivery receipts back to it. */
  readonly providerMessageId: string;
}

/** Which message to look for at the provider: ours carry `reference` as the provider's own correlation id. */
export interface SmsSentLookup {
  readonly to: string;
  readonly reference: string;
  /** The message was handed over no earlier than this (when its send was first recorded). */
  readonly notBefore: Date;
}

/**
 * `found`: the provider has it; `absent`: it never arrived; `unknown`: cannot tell yet (e.g. only delivery
 * reports can be searched and the report may still be on its way): ask again later, do not resend.
 */
export type SmsSentFinding =
  | { readonly state: 'found'; readonly providerMessageId?: string }
  | { readonly state: 'absent' }
  | { readonly state: 'unknown' };

/** Port: sends one templated SMS or throws `SmsChannelError`. */
export interface SmsChannel {
  readonly provider: string;
  send(message: SmsMessage): Promise<SmsSendResult>;
  /**
   * Asks the provider whether a message with this reference was accepted; for sends whose outcome was never
   * recorded (the service died mid-call). Providers that cannot be asked leave it out.
   */
  findSent?(lookup: SmsSentLookup): Promise<SmsSentFinding>;
}

/** A provider's delivery report, normalised. */
export interface SmsDeliveryReceipt {
  readonly providerMessageId: string;
  readonly delivered: boolean;
  /** Provider status code (`DELIVERED`, `DELIVRD`, `MK:0001`, ...). */
  readonly statusCode: string;
  /** When the handset (or the carrier, on failure) reported, ISO-8601 with +08:00. */
  readonly reportedAt: string | undefined;
  readonly reference: string | undefined;
}
