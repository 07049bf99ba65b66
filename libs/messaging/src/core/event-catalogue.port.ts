import { type EventEnvelope } from './event-envelope';
import { type MessagingErrorCode } from './messaging.errors';

export type EnvelopeValidation =
  | { ok: true; envelope: EventEnvelope }
  | {
      ok: false;
      code: MessagingErrorCode.UnknownEventType | MessagingErrorCode.SchemaViolation;
      /** Schema paths and rule names only, never the offending values (they may be patient data). */
      detail: string;
    };

/** What the messaging core needs from the event catalogue; implemented over @revisit/domain. */
export interface EventCatalogue {
  /** The Kafka topic of an event type, or undefined when the type is not in the catalogue. */
  topicOf(type: string): string | undefined;
  /** Partition count to create the topic (and its retry/DLQ topics) with. */
  partitionsOf(type: string): number;
  validate(candidate: unknown): EnvelopeValidation;
}
