import { type EntityManager } from 'typeorm';
import { headersOf } from '../core/envelope-headers';
import { type EventCatalogue } from '../core/event-catalogue.port';
import { type EventEnvelope } from '../core/event-envelope';
import { activeTraceparent, currentMessageContext } from '../core/message-context';
import { MessagingError, MessagingErrorCode } from '../core/messaging.errors';
import { messagingTables, type MessagingTables } from '../core/sql-identifiers';

/**
 * The only way to publish: writes events into the outbox inside the caller's transaction, so the
 * events exist if and only if the business change committed. NOTIFY is delivered at commit.
 */
export class Outbox {
  private readonly tables: MessagingTables;

  constructor(
    schema: string,
    private readonly catalogue: EventCatalogue,
  ) {
    this.tables = messagingTables(schema);
  }

  async enqueue(manager: EntityManager, envelope: EventEnvelope): Promise<void> {
    await this.enqueueAll(manager, [envelope]);
  }

  /** One multi-row insert for many events (bulk imports); all or none, like the transaction. */
  async enqueueAll(manager: EntityManager, envelopes: readonly EventEnvelope[]): Promise<void> {
    if (envelopes.length === 0) return;
    if (!manager.queryRunner?.isTransactionActive) {
      throw new MessagingError(
        MessagingErrorCode.InvalidArgument,
        'Outbox.enqueue must be called with the EntityManager of an open transaction',
      );
    }
    const rows = envelopes.map((candidate) => {
      const envelope = this.validated(withCausation(candidate));
      return {
        id: envelope.id,
        topic: this.catalogue.topicOf(envelope.type),
        key: envelope.subject,
        headers: headersOf(envelope),
        payload: envelope,
      };
    });
    await manager.query(
      `WITH inserted AS (
         INSERT INTO ${this.tables.outbox} (id, topic, key, headers, payload)
         SELECT id, topic, key, headers, payload
           FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, topic text, key text, headers jsonb, payload jsonb)
         RETURNING 1
       )
       SELECT pg_notify($2, '') FROM (SELECT count(*) FROM inserted) AS c`,
      [JSON.stringify(rows), this.tables.channel],
    );
  }

  private validated(envelope: EventEnvelope): EventEnvelope {
    const result = this.catalogue.validate(envelope);
    if (!result.ok) {
      throw new MessagingError(result.code, `event ${envelope.type} rejected by the outbox: ${result.detail}`);
    }
    return result.envelope;
  }
}

/**
 * Events emitted while handling another event inherit its correlation id and name it as cause; every event
 * continues the active trace (HTTP request or consumer span), so a trace crosses outbox and Kafka.
 */
function withCausation(envelope: EventEnvelope): EventEnvelope {
  const handling = currentMessageContext();
  const traceparent = envelope.traceparent ?? activeTraceparent() ?? handling?.traceparent;
  const traced = traceparent ? { ...envelope, traceparent } : envelope;
  if (!handling) return traced;
  return {
    ...traced,
    correlationid: envelope.correlationid ?? handling.correlationId ?? handling.eventId,
    causationid: envelope.causationid ?? handling.eventId,
  };
}
