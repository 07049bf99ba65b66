import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { type EnvelopeValidation, type EventCatalogue } from './event-catalogue.port';
import { type EventEnvelope } from './event-envelope';
import { MessagingErrorCode } from './messaging.errors';

/** The part of an event catalogue entry messaging needs; @revisit/domain's entries satisfy it. */
export interface CatalogueEntryLike {
  readonly type: string;
  readonly topic: string;
  readonly partitions: number;
  /** JSON Schema of `data` (TypeBox schemas are JSON Schema). */
  readonly schema: object;
}

const W3C_TRACEPARENT = '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$';

const ENVELOPE_SCHEMA = {
  type: 'object',
  required: ['specversion', 'id', 'source', 'type', 'subject', 'time', 'datacontenttype', 'orgid', 'data'],
  properties: {
    specversion: { const: '1.0' },
    id: { type: 'string', format: 'uuid' },
    source: { type: 'string', minLength: 1 },
    type: { type: 'string', minLength: 1 },
    subject: { type: 'string', minLength: 1, maxLength: 200 },
    time: { type: 'string', format: 'date-time' },
    datacontenttype: { const: 'application/json' },
    dataschema: { type: 'string' },
    traceparent: { type: 'string', pattern: W3C_TRACEPARENT },
    correlationid: { type: 'string', minLength: 1, maxLength: 200 },
    causationid: { type: 'string', minLength: 1, maxLength: 200 },
    orgid: { type: 'string', minLength: 1 },
    data: {},
  },
} as const;

const MAX_REPORTED_ERRORS = 5;

/** Ajv error list as schema paths and rules; Ajv messages never quote the instance value. */
function describe(errors: readonly ErrorObject[] | null | undefined, prefix: string): string {
  return (errors ?? [])
    .slice(0, MAX_REPORTED_ERRORS)
    .map((error) => `${prefix}${error.instancePath || ''} ${error.message ?? error.keyword}`)
    .join('; ');
}

/**
 * EventCatalogue over JSON Schemas: checks the CloudEvents envelope, then `data` against the schema
 * registered for the envelope's type. Validators are compiled once, at construction.
 */
export class SchemaCatalogue implements EventCatalogue {
  private readonly entries = new Map<string, CatalogueEntryLike & { validateData: ValidateFunction }>();
  private readonly validateEnvelope: ValidateFunction;

  constructor(entries: Iterable<CatalogueEntryLike>) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    this.validateEnvelope = ajv.compile(ENVELOPE_SCHEMA);
    for (const entry of entries) {
      this.entries.set(entry.type, { ...entry, validateData: ajv.compile(entry.schema) });
    }
  }

  topicOf(type: string): string | undefined {
    return this.entries.get(type)?.topic;
  }

  partitionsOf(type: string): number {
    return this.entries.get(type)?.partitions ?? 1;
  }

  validate(candidate: unknown): EnvelopeValidation {
    if (!this.validateEnvelope(candidate)) {
      return {
        ok: false,
        code: MessagingErrorCode.SchemaViolation,
        detail: describe(this.validateEnvelope.errors, 'envelope'),
      };
    }
    const envelope = candidate as EventEnvelope;
    const entry = this.entries.get(envelope.type);
    if (!entry) {
      return { ok: false, code: MessagingErrorCode.UnknownEventType, detail: 'event type is not in the catalogue' };
    }
    if (!entry.validateData(envelope.data)) {
      return {
        ok: false,
        code: MessagingErrorCode.SchemaViolation,
        detail: describe(entry.validateData.errors, 'data'),
      };
    }
    return { ok: true, envelope };
  }
}
