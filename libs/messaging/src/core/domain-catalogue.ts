import { EVENT_CATALOGUE, EventErrorCode, describeIssues, isKnownEventType, validateEvent } from '@revisit/domain';
import { type EnvelopeValidation, type EventCatalogue } from './event-catalogue.port';
import { MessagingErrorCode } from './messaging.errors';

function codeOf(code: EventErrorCode): MessagingErrorCode.UnknownEventType | MessagingErrorCode.SchemaViolation {
  switch (code) {
    case EventErrorCode.UnknownType:
    case EventErrorCode.UnknownVersion:
      return MessagingErrorCode.UnknownEventType;
    case EventErrorCode.InvalidEnvelope:
    case EventErrorCode.InvalidData:
    case EventErrorCode.SubjectMismatch:
    case EventErrorCode.OrganisationMismatch:
    case EventErrorCode.InvalidTypeName:
      return MessagingErrorCode.SchemaViolation;
  }
}

/** The platform's event catalogue (@revisit/domain): what every app publishes and consumes. */
export class DomainEventCatalogue implements EventCatalogue {
  topicOf(type: string): string | undefined {
    return isKnownEventType(type) ? EVENT_CATALOGUE[type].topic : undefined;
  }

  partitionsOf(type: string): number {
    return isKnownEventType(type) ? EVENT_CATALOGUE[type].partitions : 1;
  }

  validate(candidate: unknown): EnvelopeValidation {
    const result = validateEvent(candidate);
    if (result.ok) return { ok: true, envelope: result.event };
    // Issues name paths and rules only, never values (a domain guarantee).
    return { ok: false, code: codeOf(result.code), detail: `${result.code}: ${describeIssues(result.errors)}` };
  }
}
