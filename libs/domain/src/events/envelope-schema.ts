import { Type, type TSchema } from '@sinclair/typebox';
import { EVENT_TYPE_PATTERN } from './event-type-name';

/** UUID version 7 in canonical lower-case form. */
export const UUID_V7_PATTERN = '^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$';
/** W3C trace context `traceparent`, version 00. */
export const TRACEPARENT_PATTERN = '^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$';

const FlowId = (description: string) =>
  Type.String({ minLength: 1, maxLength: 128, pattern: '^[\\x21-\\x7e]+$', description });

/** The CloudEvents attributes of a Revisit envelope, with `data` given by the caller. */
export function envelopeSchema<D extends TSchema>(data: D, typeSchema: TSchema = EventTypeAttribute) {
  return Type.Object(
    {
      specversion: Type.Literal('1.0', { description: 'CloudEvents specification version.' }),
      id: Type.String({ pattern: UUID_V7_PATTERN, description: 'Event id, UUIDv7; consumers de-duplicate on it.' }),
      source: Type.String({
        pattern: '^revisit/[a-z][a-z0-9-]*$',
        description: 'Producing service, e.g. `revisit/ingest`.',
      }),
      type: typeSchema,
      subject: Type.String({
        minLength: 1,
        maxLength: 64,
        description: 'Aggregate id and Kafka key: the enterprise patient id for patient-scoped events.',
      }),
      time: Type.String({ format: 'date-time', description: 'When the fact happened, ISO-8601 with offset.' }),
      datacontenttype: Type.Literal('application/json', { description: 'Media type of `data`.' }),
      dataschema: Type.String({
        pattern: '^urn:revisit:schema:',
        description: 'URN of the data schema: `urn:revisit:schema:<type>`.',
      }),
      orgid: Type.String({ minLength: 1, maxLength: 64, description: 'Organisation (tenant) id.' }),
      traceparent: Type.Optional(
        Type.String({ pattern: TRACEPARENT_PATTERN, description: 'W3C trace context of the producing operation.' }),
      ),
      correlationid: Type.Optional(FlowId('Id shared by all events of one business flow.')),
      causationid: Type.Optional(FlowId('Id of the event that caused this one.')),
      data: data,
    },
    { description: 'CloudEvents 1.0 structured-mode envelope.' },
  );
}

export const EventTypeAttribute = Type.String({
  pattern: EVENT_TYPE_PATTERN.source,
  description: 'Event type, equal to the Kafka topic: `revisit.<context>.<event-name>.v<N>`.',
});

/** Envelope with an unchecked `data`: the first validation pass, before the type's own schema is known. */
export const EnvelopeAttributesSchema = envelopeSchema(Type.Unknown({ description: 'Event payload.' }));
