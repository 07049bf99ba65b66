import { type EntityManager, IsNull } from 'typeorm';
import { QuarantineEntity } from '../quarantine.entity';

export interface QuarantineQuery {
  readonly code?: string;
  /** Include entries already replayed (default: only open ones). */
  readonly includeReplayed?: boolean;
  readonly limit: number;
}

/** Newest first. Rows carry codes and value-free reasons only, never the message bytes. */
export function listQuarantine(manager: EntityManager, query: QuarantineQuery): Promise<QuarantineEntity[]> {
  return manager.getRepository(QuarantineEntity).find({
    where: {
      ...(query.code ? { code: query.code } : {}),
      ...(query.includeReplayed ? {} : { replayedAt: IsNull() }),
    },
    order: { createdAt: 'DESC', id: 'DESC' },
    take: query.limit,
  });
}
