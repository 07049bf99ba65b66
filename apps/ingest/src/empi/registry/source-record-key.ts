import { type LocalIdentifier, type PatientSnapshot } from '../../normalise/normalised-event';
import { EmpiError, EmpiErrorCode } from '../empi.errors';

/** Identifier types that name a person across systems, so they never serve as a system's own record key. */
const PERSON_LEVEL_TYPES: ReadonlySet<LocalIdentifier['type']> = new Set(['NI', 'PPN', 'INS', 'DL']);

export interface SourceRecordKey {
  readonly sourceSystem: string;
  readonly localId: string;
}

/** Source systems and local ids travel as catalogue `ExternalId`s: no whitespace, at most 64 characters. */
export function asExternalId(value: string): string | undefined {
  const compact = value.trim().replace(/\s+/g, '_');
  return compact.length > 0 && compact.length <= 64 ? compact : undefined;
}

/**
 * The source system's own key of its patient record (the PIX "local id"): the first identifier that is not
 * a person-level document, as senders list their record number first (PID-3, FHIR identifier, ERP member).
 * A snapshot carrying only person-level documents is keyed by the first of them.
 */
export function sourceRecordKey(sourceSystem: string, patient: PatientSnapshot): SourceRecordKey {
  const own = patient.identifiers.find((id) => !PERSON_LEVEL_TYPES.has(id.type)) ?? patient.identifiers[0];
  const system = asExternalId(sourceSystem);
  const localId = own ? asExternalId(own.value) : undefined;
  if (!system || !localId) {
    throw new EmpiError(EmpiErrorCode.NoLocalIdentifier, 'The source patient has no usable local identifier');
  }
  return { sourceSystem: system, localId };
}

/** The assigning authority an identifier is unique in: its own system, else the sending system. */
export function identifierSystem(id: LocalIdentifier, sourceSystem: string): string {
  return asExternalId(id.system ?? '') ?? asExternalId(sourceSystem) ?? sourceSystem;
}
