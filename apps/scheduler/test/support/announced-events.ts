import { type AnyEventEnvelope } from '@revisit/domain';
import { type DataSource } from 'typeorm';

/**
 * The events the scheduler committed for publication (its outbox), oldest first. Reading the outbox
 * instead of a probe consumer keeps assertions independent of how fast a test consumer group joins on a
 * busy broker; the relay that moves these rows to Kafka has its own tests.
 */
export async function announcedEvents(
  db: DataSource,
  type: AnyEventEnvelope['type'],
  patientId: string,
): Promise<AnyEventEnvelope[]> {
  const rows: { payload: AnyEventEnvelope }[] = await db.query(
    'SELECT payload FROM scheduler.outbox WHERE topic = $1 AND key = $2 ORDER BY seq',
    [type, patientId],
  );
  return rows.map((row) => row.payload);
}
