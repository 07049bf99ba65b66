import type { Static, TSchema } from '@sinclair/typebox';
import { parseEventTypeOrThrow, type EventContext, type EventTypeName } from './event-type-name';

/** Which kind of aggregate an event's `subject` (and Kafka key) identifies. */
export type EventAggregate = 'patient' | 'organisation';

/** The service that publishes the event; every other service only consumes it. */
export type EventProducer = 'ingest' | 'scheduler' | 'outreach' | 'analytics';

/** Partitions per topic unless an entry says otherwise; equal counts keep patient keys co-partitioned. */
export const DEFAULT_PARTITIONS = 6;

export interface EventCatalogueEntry<T extends EventTypeName = EventTypeName, S extends TSchema = TSchema> {
  readonly type: T;
  /** Kafka topic; always equal to the type (one topic per event type and version). */
  readonly topic: T;
  readonly version: number;
  readonly context: EventContext;
  readonly description: string;
  /** TypeBox schema of `data`: the JSON Schema and, through `Static<>`, the TypeScript type. */
  readonly schema: S;
  readonly aggregate: EventAggregate;
  /** JSON Pointer into `data` of the value that must equal the envelope `subject` (the Kafka key). */
  readonly subjectPointer: string;
  readonly producer: EventProducer;
  readonly partitions: number;
  /** `urn:revisit:schema:<type>`: the envelope's `dataschema`. */
  readonly dataschema: string;
  /** A realistic, synthetic payload: published in the AsyncAPI document and checked by tests. */
  readonly example: Static<S>;
}

export interface EventDefinition<T extends EventTypeName, S extends TSchema> {
  readonly type: T;
  readonly description: string;
  readonly schema: S;
  readonly aggregate: EventAggregate;
  readonly subjectPointer: string;
  readonly producer: EventProducer;
  readonly partitions?: number;
  readonly example: Static<S>;
}

export function dataschemaFor(type: string): string {
  return `urn:revisit:schema:${type}`;
}

/** Builds a catalogue entry; the context and version come from the type name so they cannot disagree. */
export function defineEvent<const T extends EventTypeName, S extends TSchema>(
  definition: EventDefinition<T, S>,
): EventCatalogueEntry<T, S> {
  const { context, version } = parseEventTypeOrThrow(definition.type);
  return {
    type: definition.type,
    topic: definition.type,
    version,
    context,
    description: definition.description,
    schema: definition.schema,
    aggregate: definition.aggregate,
    subjectPointer: definition.subjectPointer,
    producer: definition.producer,
    partitions: definition.partitions ?? DEFAULT_PARTITIONS,
    dataschema: dataschemaFor(definition.type),
    example: definition.example,
  };
}
