import { type EntityManager } from 'typeorm';
import { RawMessageEntity } from '../../raw-messages/raw-message.entity';
import { receiveErpCsvIn } from '../../erp-csv/use-cases/receive-erp-csv';
import { receiveFhirDocumentIn } from '../../fhir/use-cases/receive-fhir-document';
import { receiveHl7MessageIn, type ReceiveOptions } from '../../raw-messages/use-cases/receive-hl7-message';
import { QuarantineEntity } from '../quarantine.entity';
import { type FeedSource } from '../../sources/feed-source.entity';
import { QuarantineError, QuarantineErrorCode } from '../quarantine.errors';

export interface ReplayOutcome {
  readonly rawMessageId: string;
  readonly status: string;
  readonly ackCode: string;
  readonly quarantineId?: string;
}

export interface ReplayCommand {
  readonly quarantineId: string;
  /** Who asked for the replay (the staff member's token subject); recorded on the entry. */
  readonly operator: string;
  /** Why (the fix that makes a replay worthwhile); recorded on the entry. */
  readonly reason: string;
}

/** Finds the feed source a stored message came from, so a replay is held to the same bindings. */
export type SourceLookup = (sourceId: string) => Promise<FeedSource | undefined>;

/**
 * Runs the stored bytes through the current parser as a new receipt on the original channel, inside the
 * caller's transaction. The entry is closed either way and points at the new raw message: accepted, or
 * rejected again with a fresh quarantine entry of its own. The row lock makes concurrent replays of one
 * entry run once.
 */
export async function replayQuarantinedIn(
  manager: EntityManager,
  command: ReplayCommand,
  options: ReceiveOptions,
  sources: SourceLookup,
): Promise<ReplayOutcome> {
  const entry = await manager
    .getRepository(QuarantineEntity)
    .createQueryBuilder('q')
    .setLock('pessimistic_write')
    .where('q.id = :id', { id: command.quarantineId })
    .getOne();
  if (!entry) throw new QuarantineError(QuarantineErrorCode.NotFound, 'No quarantine entry with this id');
  if (entry.replayedAt) {
    throw new QuarantineError(QuarantineErrorCode.AlreadyReplayed, 'This entry was already replayed');
  }
  const raw = await manager.getRepository(RawMessageEntity).findOneByOrFail({ id: entry.rawMessageId });
  const source = raw.sourceId ? await sources(raw.sourceId) : undefined;
  if (!source) {
    throw new QuarantineError(
      QuarantineErrorCode.SourceUnknown,
      'The message has no configured feed source to replay as',
    );
  }
  const received = await replayByFormat(manager, raw, options, source);
  await manager.getRepository(QuarantineEntity).update(
    { id: entry.id },
    {
      replayedAt: new Date(),
      replayedBy: command.operator,
      replayReason: command.reason,
      replayRawMessageId: received.rawMessageId,
    },
  );
  return received;
}

async function replayByFormat(
  manager: EntityManager,
  raw: RawMessageEntity,
  options: ReceiveOptions,
  source: FeedSource,
): Promise<ReplayOutcome> {
  switch (raw.format) {
    case 'hl7v2':
      return receiveHl7MessageIn(manager, raw.bytes, raw.channel, options, source);
    case 'fhir-r4': {
      const answer = await receiveFhirDocumentIn(manager, {
        bytes: raw.bytes,
        source,
        expectedType: raw.messageType === 'Bundle' ? undefined : (raw.messageType ?? undefined),
      });
      return answer.stored[0]!;
    }
    case 'erp-csv':
      return (await receiveErpCsvIn(manager, raw.bytes, source, { zone: options.zone })).stored[0]!;
  }
}
