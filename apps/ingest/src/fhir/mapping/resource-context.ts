import { FhirRejectionCode, FhirRejectionError } from '../fhir.errors';
import {
  type CodedValue,
  type NormalisedEvent,
  normalisedEvent,
  type NormalisedEventType,
  type PatientSnapshot,
  type Quantity,
  type SourceRef,
} from '../../normalise/normalised-event';
import { arr, type JsonObject, num, obj, str } from './json';

export const SUPPORTED_RESOURCE_TYPES = [
  'Patient',
  'Encounter',
  'Procedure',
  'MedicationRequest',
  'MedicationDispense',
  'Appointment',
] as const;
export type SupportedResourceType = (typeof SUPPORTED_RESOURCE_TYPES)[number];

export interface ResourceContext {
  readonly resource: JsonObject;
  readonly source: SourceRef;
  /** POST (create) or PUT (update); a bare resource counts as a create. */
  readonly method: 'POST' | 'PUT';
  /** Resolves a Reference to a patient snapshot: a Patient in the same Bundle/contained, else its id. */
  readonly resolvePatient: (reference: JsonObject | undefined, expression: string) => PatientSnapshot;
}

export function notActionable(type: string, status: string | undefined): FhirRejectionError {
  return new FhirRejectionError(
    FhirRejectionCode.STATUS_NOT_ACTIONABLE,
    `${type} with status '${status ?? 'missing'}' produces no event`,
    `${type}.status`,
  );
}

export function codeable(concept: JsonObject | undefined): CodedValue | undefined {
  const [coding, ...others] = arr(concept, 'coding');
  const code = str(coding, 'code');
  const text = str(concept, 'text');
  const display = str(coding, 'display') ?? text;
  if (!code && !display) return undefined;
  const alternates: CodedValue[] = others
    .map((c) => ({ code: str(c, 'code'), system: str(c, 'system'), display: str(c, 'display') }))
    .filter((c) => c.code !== undefined || c.display !== undefined);
  if (text !== undefined && text !== display) alternates.push({ display: text });
  return { code, system: str(coding, 'system'), display, ...(alternates.length > 0 ? { alternates } : {}) };
}

/** Amounts must be positive: returns are expressed by status in FHIR, never by a negative quantity. */
export function quantity(q: JsonObject | undefined, expression: string): Quantity | undefined {
  const value = num(q, 'value');
  if (value === undefined) return undefined;
  if (value <= 0)
    throw new FhirRejectionError(FhirRejectionCode.INVALID_VALUE, 'Quantity must be positive', expression);
  return { value, unit: str(q, 'unit') ?? str(q, 'code') };
}

export function days(duration: JsonObject | undefined): number | undefined {
  const value = num(duration, 'value');
  const unit = (str(duration, 'code') ?? str(duration, 'unit'))?.toLowerCase();
  if (value === undefined || !unit) return undefined;
  if (['d', 'day', 'days'].includes(unit)) return value;
  if (['wk', 'week', 'weeks'].includes(unit)) return value * 7;
  return undefined;
}

export function localId(resource: JsonObject): string | undefined {
  return str(arr(resource, 'identifier')[0], 'value') ?? str(resource, 'id');
}

/** medicationCodeableConcept, or a Reference to a contained/inline Medication. */
export function medication(resource: JsonObject, type: string): CodedValue {
  const direct = codeable(obj(resource, 'medicationCodeableConcept'));
  if (direct) return direct;
  const ref = obj(resource, 'medicationReference');
  const target = str(ref, 'reference');
  const contained = target?.startsWith('#')
    ? arr(resource, 'contained').find((c) => str(c, 'id') === target.slice(1))
    : undefined;
  const drug = codeable(obj(contained, 'code')) ?? (str(ref, 'display') ? { display: str(ref, 'display') } : undefined);
  if (!drug)
    throw new FhirRejectionError(
      FhirRejectionCode.MISSING_REQUIRED_ELEMENT,
      `${type} names no medication`,
      `${type}.medication`,
    );
  return drug;
}

export function event<T extends NormalisedEventType>(
  ctx: ResourceContext,
  type: T,
  patient: PatientSnapshot,
  data: NormalisedEvent<T>['data'],
  occurredAt?: string,
): NormalisedEvent {
  return normalisedEvent(type, {
    source: { ...ctx.source, messageId: str(ctx.resource, 'id') ?? ctx.source.messageId },
    occurredAt,
    patient,
    data,
  });
}

export function isSupportedResourceType(type: string | undefined): type is SupportedResourceType {
  return (SUPPORTED_RESOURCE_TYPES as readonly string[]).includes(type ?? '');
}
