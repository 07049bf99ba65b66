import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { EVENT_CATALOGUE, EVENT_TYPES, isKnownEventType, type EventType } from './catalogue';
import { type AnyEventEnvelope } from './envelope';
import { EnvelopeAttributesSchema } from './envelope-schema';
import { EventErrorCode } from './event.errors';
import { parseEventType } from './event-type-name';
import { valueAtPointer } from './json-pointer';

/** One problem, located by JSON Pointer into the envelope; never quotes the offending value. */
export interface EventValidationIssue {
  readonly path: string;
  readonly message: string;
}

export type EventValidationResult =
  | { readonly ok: true; readonly event: AnyEventEnvelope }
  | { readonly ok: false; readonly code: EventErrorCode; readonly errors: readonly EventValidationIssue[] };

/** Validates envelopes against the catalogue; every schema is compiled once, up front. */
export class EventValidator {
  private readonly envelope: ValidateFunction;
  private readonly payloads: ReadonlyMap<EventType, ValidateFunction>;
  private readonly knownFamilies: ReadonlyMap<string, readonly number[]>;

  constructor() {
    const ajv = addFormats(new Ajv({ strict: true, allErrors: true }));
    this.envelope = ajv.compile(EnvelopeAttributesSchema);
    this.payloads = new Map(EVENT_TYPES.map((type) => [type, ajv.compile(EVENT_CATALOGUE[type].schema)]));
    const families = new Map<string, number[]>();
    for (const type of EVENT_TYPES) {
      const parsed = parseEventType(type)!;
      families.set(parsed.family, [...(families.get(parsed.family) ?? []), parsed.version]);
    }
    this.knownFamilies = families;
  }

  validate(candidate: unknown): EventValidationResult {
    if (!this.envelope(candidate)) {
      return this.typeProblem(candidate) ?? failure(EventErrorCode.InvalidEnvelope, issuesOf(this.envelope.errors, ''));
    }
    const envelope = candidate as AnyEventEnvelope;
    const type: string = envelope.type;
    if (!isKnownEventType(type)) return this.unknownType(type);
    const entry = EVENT_CATALOGUE[type];
    if (envelope.dataschema !== entry.dataschema) {
      return failure(EventErrorCode.InvalidEnvelope, [
        { path: '/dataschema', message: `must be "${entry.dataschema}" for this type` },
      ]);
    }
    const validateData = this.payloads.get(type)!;
    if (!validateData(envelope.data)) {
      return failure(EventErrorCode.InvalidData, issuesOf(validateData.errors, '/data'));
    }
    if (valueAtPointer(envelope.data, entry.subjectPointer) !== envelope.subject) {
      return failure(EventErrorCode.SubjectMismatch, [
        { path: '/subject', message: `must equal data${entry.subjectPointer} (the ${entry.aggregate} id)` },
      ]);
    }
    const dataOrg = valueAtPointer(envelope.data, '/orgId');
    if (dataOrg !== undefined && dataOrg !== envelope.orgid) {
      return failure(EventErrorCode.OrganisationMismatch, [{ path: '/orgid', message: 'must equal data/orgId' }]);
    }
    return { ok: true, event: envelope };
  }

  /** An unknown type is reported as such even when other attributes are also wrong. */
  private typeProblem(candidate: unknown): EventValidationResult | undefined {
    if (typeof candidate !== 'object' || candidate === null) return undefined;
    const type: unknown = (candidate as Record<string, unknown>)['type'];
    if (typeof type !== 'string' || isKnownEventType(type)) return undefined;
    return this.unknownType(type);
  }

  private unknownType(type: string): EventValidationResult {
    const parsed = parseEventType(type);
    const versions = parsed ? this.knownFamilies.get(parsed.family) : undefined;
    if (parsed && versions) {
      return failure(EventErrorCode.UnknownVersion, [
        {
          path: '/type',
          message: `version ${parsed.version} is not in the catalogue (known: v${versions.join(', v')})`,
        },
      ]);
    }
    return failure(EventErrorCode.UnknownType, [{ path: '/type', message: 'is not a catalogued event type' }]);
  }
}

let shared: EventValidator | undefined;

/** Validates an envelope (typically `JSON.parse` of a Kafka message value) with a process-wide validator. */
export function validateEvent(candidate: unknown): EventValidationResult {
  shared ??= new EventValidator();
  return shared.validate(candidate);
}

/** Joins issues into one line for logs and DLQ records; safe because issues never contain values. */
export function describeIssues(errors: readonly EventValidationIssue[]): string {
  return errors.map((issue) => `${issue.path || '/'} ${issue.message}`).join('; ');
}

function failure(code: EventErrorCode, errors: EventValidationIssue[]): EventValidationResult {
  return { ok: false, code, errors };
}

function issuesOf(errors: ErrorObject[] | null | undefined, prefix: string): EventValidationIssue[] {
  return (errors ?? []).map((error) => ({
    path: `${prefix}${error.instancePath}`,
    message: messageOf(error),
  }));
}

/** Ajv's message plus the parameter a reader needs to fix the problem (allowed values, unknown property). */
function messageOf(error: ErrorObject): string {
  const base = error.message ?? error.keyword;
  switch (error.keyword) {
    case 'enum':
      return `${base}: ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
    case 'const':
      return `${base}: ${String((error.params as { allowedValue: unknown }).allowedValue)}`;
    default:
      return base;
  }
}
