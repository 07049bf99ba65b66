import type { EntityManager } from 'typeorm';
import type { ChannelOutcome } from './channel.port';

/**
 * Hook for the task lifecycle: called inside the transaction that stores a new outcome (never for a
 * provider's retry of one already stored), so attempts and their events commit with it.
 */
export interface ChannelOutcomeListener {
  onOutcome(
    manager: EntityManager,
    outcome: ChannelOutcome,
    answers?: Readonly<Record<string, unknown>>,
  ): Promise<void>;
}

export const CHANNEL_OUTCOME_LISTENER = Symbol('CHANNEL_OUTCOME_LISTENER');

/** Stores provider outcomes once per provider message id; answers `false` for a duplicate. */
export async function storeChannelOutcome(
  manager: EntityManager,
  outcome: ChannelOutcome,
  answers?: Readonly<Record<string, unknown>>,
): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `INSERT INTO outreach.channel_outcome
       (channel, provider, provider_message_id, disposition, provider_status, occurred_at, talk_seconds,
        ring_seconds, recording_ref, reference, answers)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (provider, provider_message_id) DO NOTHING
     RETURNING id`,
    [
      outcome.channel,
      outcome.provider,
      outcome.providerMessageId,
      outcome.disposition,
      outcome.providerStatus,
      outcome.occurredAt,
      outcome.talkSeconds,
      outcome.ringSeconds ?? null,
      outcome.recordingRef ?? null,
      outcome.reference ?? null,
      answers === undefined ? null : JSON.stringify(answers),
    ],
  );
  return rows.length > 0;
}
