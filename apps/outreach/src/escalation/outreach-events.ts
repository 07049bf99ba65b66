import { type EventPayloadMap, type EventType, formatOffsetDateTime, newEvent } from '@revisit/domain';
import { type Outbox } from '@revisit/messaging';
import { type EntityManager } from 'typeorm';

/** Publishes an outreach event through the outbox, in the transaction of the change it reports. */
export async function publish<T extends EventType>(
  outbox: Outbox,
  manager: EntityManager,
  type: T,
  orgId: string,
  patientId: string,
  data: EventPayloadMap[T],
): Promise<void> {
  await outbox.enqueue(manager, newEvent(type, { source: 'revisit/outreach', subject: patientId, orgid: orgId, data }));
}

export const offsetTime = (at: Date): string => formatOffsetDateTime(at);
