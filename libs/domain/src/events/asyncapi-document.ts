import { Type, type TSchema } from '@sinclair/typebox';
import { EVENT_CATALOGUE, EVENT_TYPES } from './catalogue';
import { type EventCatalogueEntry } from './catalogue-entry';
import { envelopeSchema } from './envelope-schema';
import { valueAtPointer } from './json-pointer';
import { CLOUDEVENTS_STRUCTURED_CONTENT_TYPE, KAFKA_HEADERS } from './kafka-headers';

/** Version of the published contract as a whole; bump per docs/events.md when the catalogue changes. */
export const EVENT_CATALOGUE_VERSION = '1.0.0';

const KAFKA_BINDING_VERSION = '0.5.0';
const ENVELOPE_SCHEMA_ID = 'CloudEventEnvelope';
const HEADERS_SCHEMA_ID = 'KafkaHeaders';
/** Fixed attributes for the example envelopes, so the generated document is reproducible. */
const EXAMPLE_ID = '0195a1b2-0000-7000-8000-000000000001';
const EXAMPLE_TIME = '2026-03-02T10:15:00.000+08:00';

type JsonObject = { [key: string]: unknown };

/** A TypeBox schema as plain JSON (drops TypeBox's symbol-keyed metadata). */
function json(schema: TSchema | JsonObject): JsonObject {
  return JSON.parse(JSON.stringify(schema)) as JsonObject;
}

const ref = (pointer: string) => ({ $ref: pointer });

function headersSchema(): JsonObject {
  const text = (description: string) => Type.String({ description });
  return json(
    Type.Object(
      {
        [KAFKA_HEADERS.contentType]: Type.Literal(CLOUDEVENTS_STRUCTURED_CONTENT_TYPE, {
          description: 'Structured-mode CloudEvent.',
        }),
        [KAFKA_HEADERS.id]: text('Copy of the envelope `id`.'),
        [KAFKA_HEADERS.type]: text('Copy of the envelope `type`.'),
        [KAFKA_HEADERS.source]: text('Copy of the envelope `source`.'),
        [KAFKA_HEADERS.specversion]: Type.Literal('1.0', { description: 'Copy of the envelope `specversion`.' }),
        [KAFKA_HEADERS.subject]: text('Copy of the envelope `subject` (also the message key).'),
        [KAFKA_HEADERS.time]: text('Copy of the envelope `time`.'),
        [KAFKA_HEADERS.orgid]: text('Copy of the envelope `orgid`.'),
        [KAFKA_HEADERS.traceparent]: Type.Optional(text('W3C trace context, restored before the handler runs.')),
        [KAFKA_HEADERS.tracestate]: Type.Optional(text('W3C trace state, when the producer had one.')),
        [KAFKA_HEADERS.correlationId]: Type.Optional(text('Copy of the envelope `correlationid`.')),
        [KAFKA_HEADERS.causationId]: Type.Optional(text('Copy of the envelope `causationid`.')),
      },
      { description: 'Kafka headers sent with every Revisit event; they carry ids and routing only.' },
    ),
  );
}

function exampleEnvelope(entry: EventCatalogueEntry): JsonObject {
  const data = entry.example as JsonObject;
  const subject = valueAtPointer(data, entry.subjectPointer);
  return {
    specversion: '1.0',
    id: EXAMPLE_ID,
    source: `revisit/${entry.producer}`,
    type: entry.type,
    subject,
    time: EXAMPLE_TIME,
    datacontenttype: 'application/json',
    dataschema: entry.dataschema,
    orgid: typeof data['orgId'] === 'string' ? data['orgId'] : 'org-demo-hospital',
    data,
  };
}

function message(entry: EventCatalogueEntry): JsonObject {
  return {
    name: entry.type,
    title: entry.type,
    summary: entry.description,
    contentType: CLOUDEVENTS_STRUCTURED_CONTENT_TYPE,
    headers: ref(`#/components/schemas/${HEADERS_SCHEMA_ID}`),
    payload: {
      allOf: [
        ref(`#/components/schemas/${ENVELOPE_SCHEMA_ID}`),
        {
          type: 'object',
          properties: {
            type: { const: entry.type },
            dataschema: { const: entry.dataschema },
            data: ref(`#/components/schemas/${entry.type}`),
          },
        },
      ],
    },
    correlationId: { location: `$message.header#/${KAFKA_HEADERS.correlationId}` },
    bindings: {
      kafka: {
        key: {
          type: 'string',
          description: `The ${entry.aggregate} id: data${entry.subjectPointer}, equal to the envelope subject.`,
        },
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
    examples: [{ name: 'example', payload: exampleEnvelope(entry) }],
  };
}

/** The AsyncAPI 3.0 document of every catalogued event; asyncapi.yaml is this object, serialised. */
export function buildAsyncApiDocument(): JsonObject {
  const entries: EventCatalogueEntry[] = EVENT_TYPES.map((type) => EVENT_CATALOGUE[type]);
  const channels: JsonObject = {};
  const operations: JsonObject = {};
  const messages: JsonObject = {};
  const schemas: JsonObject = {
    [ENVELOPE_SCHEMA_ID]: json(envelopeSchema(Type.Unknown({ description: 'Event payload; see the message.' }))),
    [HEADERS_SCHEMA_ID]: headersSchema(),
  };
  for (const entry of entries) {
    channels[entry.type] = {
      address: entry.topic,
      title: entry.type,
      description: entry.description,
      messages: { [entry.type]: ref(`#/components/messages/${entry.type}`) },
      bindings: { kafka: { topic: entry.topic, partitions: entry.partitions, bindingVersion: KAFKA_BINDING_VERSION } },
    };
    operations[`${entry.producer}.send.${entry.type}`] = {
      action: 'send',
      title: `${entry.producer} publishes ${entry.type}`,
      channel: ref(`#/channels/${entry.type}`),
      messages: [ref(`#/channels/${entry.type}/messages/${entry.type}`)],
      tags: [{ name: `producer:${entry.producer}` }, { name: `context:${entry.context}` }],
    };
    messages[entry.type] = message(entry);
    schemas[entry.type] = json(entry.schema);
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Revisit events',
      version: EVENT_CATALOGUE_VERSION,
      description:
        'Events of the Revisit patient follow-up platform. Generated from EVENT_CATALOGUE in libs/domain; ' +
        'see docs/events.md for topics, keys, the envelope and the versioning policy.',
      license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
      contact: { name: 'Revisit maintainers' },
    },
    defaultContentType: CLOUDEVENTS_STRUCTURED_CONTENT_TYPE,
    servers: {
      local: {
        host: 'localhost:9092',
        protocol: 'kafka',
        description: 'Local single-node broker (REVISIT_KAFKA_PORT overrides the port).',
      },
    },
    channels,
    operations,
    components: { schemas, messages },
  };
}
