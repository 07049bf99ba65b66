/**
 * Building blocks shared by event schemas. Every schema carries a `description` because the JSON Schema
 * is published (AsyncAPI) and read by integrators who never see this code.
 */
import { Type, type SchemaOptions, type TUnsafe } from '@sinclair/typebox';

/** A string enum as `{ type: 'string', enum: [...] }`, which reads better in JSON Schema than anyOf/const. */
export function StringEnum<const V extends readonly [string, ...string[]]>(
  values: V,
  options: SchemaOptions & { description: string },
): TUnsafe<V[number]> {
  return Type.Unsafe<V[number]>({ ...options, type: 'string', enum: [...values] });
}

/** An instant with an explicit UTC offset, e.g. `2026-03-01T10:30:00+08:00`. */
export const OffsetDateTime = (description: string) => Type.String({ format: 'date-time', description });

/** A calendar date `YYYY-MM-DD` without a time or zone. */
export const CalendarDate = (description: string) => Type.String({ format: 'date', description });

/** A wall-clock time of day `HH:MM` (24 h) in the organisation's zone, e.g. the clinic's call slot `10:30`. */
export const LocalTimeOfDay = (description: string) =>
  Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description });

/** An identifier Revisit generates (UUIDv7). */
export const RevisitId = (description: string) => Type.String({ format: 'uuid', description });

/**
 * An identifier issued by another system (HIS, ERP, PMS): opaque, no whitespace, bounded so a malformed
 * feed cannot smuggle free text through an id field.
 */
export const ExternalId = (description: string) =>
  Type.String({ minLength: 1, maxLength: 64, pattern: '^[^\\s]+$', description });

/** A code from a code system or a Revisit code list: short, no whitespace. */
export const Code = (description: string) =>
  Type.String({ minLength: 1, maxLength: 64, pattern: '^[^\\s]+$', description });

/** Enterprise patient id assigned by the EMPI in ingest; the Kafka key of patient-scoped events. */
export const EnterprisePatientId = (description = 'Enterprise patient id (EMPI) of the patient.') =>
  ExternalId(description);

/** Identifier of the organisation (tenant): hospital, clinic chain or pharmacy chain. */
export const OrganisationId = (description = 'Organisation (tenant) id; equals the envelope orgid.') =>
  ExternalId(description);

/** Staff member id in the organisation's staff directory; staff are referenced by id, never by name. */
export const StaffId = (description: string) => ExternalId(description);

export const NonNegativeInteger = (description: string) => Type.Integer({ minimum: 0, description });
export const PositiveInteger = (description: string) => Type.Integer({ minimum: 1, description });
export const Ratio = (description: string) => Type.Number({ minimum: 0, maximum: 1, description });
