import { randomUUID } from 'node:crypto';
import { type DataSource, type EntityManager } from 'typeorm';
import { type SmsChannel, SmsChannelError, SmsChannelErrorCode, type SmsMessage } from '../channels/sms';
import { OUTREACH_SCHEMA } from '../database/outreach-schema';

const TABLE = `"${OUTREACH_SCHEMA}".sms_send`;

export type LedgeredSend =
  | { readonly kind: 'sent'; readonly providerMessageId: string }
  /** Sent earlier, found at the provider or (for providers that cannot be asked) assumed so: not repeated. */
  | { readonly kind: 'already-sent'; readonly providerMessageId: string; readonly confirmed: boolean };

/**
 * Sends each message at most once per `key` even across crashes. The send is recorded as pending and
 * committed (on its own connection) before the provider is called; the caller marks it settled inside the
 * transaction that records the business outcome. A pending send met again means that transaction never
 * committed: the provider is asked by reference (Alibaba `OutId`, Tencent `SessionContext`) before any retry.
 */
export class SmsSendLedger {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sms: SmsChannel,
  ) {}

  async send(key: string, message: Omit<SmsMessage, 'reference'>): Promise<LedgeredSend> {
    const prior: { reference: string; status: string; provider_message_id: string | null; created_at: Date }[] =
      await this.dataSource.query(
        `SELECT reference, status, provider_message_id, created_at FROM ${TABLE} WHERE send_key = $1`,
        [key],
      );
    const earlier = prior[0];
    if (earlier && (earlier.status === 'sent' || earlier.status === 'unconfirmed')) {
      const providerMessageId = earlier.provider_message_id ?? `ref:${earlier.reference}`;
      return { kind: 'already-sent', providerMessageId, confirmed: earlier.status === 'sent' };
    }
    if (earlier?.status === 'failed') return this.call(earlier.reference, message);
    if (earlier) {
      // Without a way to ask, a second text is the worse mistake: the patient was most likely notified.
      if (!this.sms.findSent) {
        return { kind: 'already-sent', providerMessageId: `ref:${earlier.reference}`, confirmed: false };
      }
      const finding = await this.sms.findSent({
        to: message.to,
        reference: earlier.reference,
        // Clocks differ a little between us and the provider.
        notBefore: new Date(earlier.created_at.getTime() - 60_000),
      });
      if (finding.state === 'found') {
        const providerMessageId = finding.providerMessageId ?? `ref:${earlier.reference}`;
        return { kind: 'already-sent', providerMessageId, confirmed: true };
      }
      if (finding.state === 'unknown') {
        // Retryable: the send stays pending and the next round asks again.
        throw new SmsChannelError(
          SmsChannelErrorCode.PROVIDER_UNAVAILABLE,
          this.sms.provider,
          undefined,
          'outcome of an earlier send not known yet',
        );
      }
      // Not at the provider: the earlier call never arrived, so sending now is the first time.
      return this.call(earlier.reference, message);
    }
    const reference = randomUUID();
    await this.dataSource.query(
      `INSERT INTO ${TABLE} (send_key, reference, provider, status) VALUES ($1, $2, $3, 'pending')`,
      [key, reference, this.sms.provider],
    );
    return this.call(reference, message);
  }

  /** Records the outcome in the caller's transaction, so it commits (or not) with what the send caused. */
  async settle(
    manager: EntityManager,
    key: string,
    outcome: { status: 'sent' | 'unconfirmed' | 'failed'; providerMessageId?: string },
  ): Promise<void> {
    await manager.query(
      `UPDATE ${TABLE} SET status = $2, provider_message_id = $3, settled_at = now() WHERE send_key = $1`,
      [key, outcome.status, outcome.providerMessageId ?? null],
    );
  }

  private async call(reference: string, message: Omit<SmsMessage, 'reference'>): Promise<LedgeredSend> {
    const { providerMessageId } = await this.sms.send({ ...message, reference });
    return { kind: 'sent', providerMessageId };
  }
}
