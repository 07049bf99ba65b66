import { type NormalisedCharge } from './charge';
/**
 * The normalised model every feed (HL7 v2, FHIR R4, ERP CSV) maps to before the EMPI and the outbox.
 *
 * - `revisit.source.*`: source-level patient facts (a source system registered, updated or merged *its*
 *   record). They are EMPI input, not the catalogue's `revisit.patient.*` events, which the EMPI emits
 *   once it knows the enterprise id (registered = new enterprise patient, linked, merged...).
 * - `revisit.clinical.*` / `revisit.appointment.*` with a catalogue entry in `libs/domain` carry the same
 *   meaning as that entry; the EMPI stage adds the enterprise id and publishes them.
 * - Types marked "ingest-only" have no catalogue entry yet and stay inside the ingest service.
 *
 * `patient.enterpriseId` is always null here: enterprise ids are assigned by the EMPI in the next stage,
 * which also sets the CloudEvents `subject`. Every event carries the source system and its local ids.
 */
export const NORMALISED_EVENT_TYPES = [
  /** A source registered a patient record (A01/A04/A05/A28, FHIR create, ...). */
  'revisit.source.patient-registered.v1',
  /** A source changed a patient record (A08/A31, FHIR update). */
  'revisit.source.patient-updated.v1',
  /** A source merged records (ADT A40/A47): local ids of the surviving and retired records. */
  'revisit.source.patients-merged.v1',
  'revisit.clinical.encounter-started.v1',
  'revisit.clinical.encounter-discharged.v1',
  /** ingest-only: pre-admission (A05). */
  'revisit.clinical.encounter-planned.v1',
  /** ingest-only: transfer (A02). */
  'revisit.clinical.encounter-transferred.v1',
  /** ingest-only: cancel admit/visit (A11) or cancel discharge (A13). */
  'revisit.clinical.encounter-cancelled.v1',
  /** ingest-only: prescription facts (RDE^O11, FHIR MedicationRequest) used to estimate supply. */
  'revisit.clinical.medication-prescribed.v1',
  'revisit.clinical.medication-dispensed.v1',
  'revisit.clinical.medication-dispense-reversed.v1',
  'revisit.clinical.procedure-performed.v1',
  'revisit.appointment.booked.v1',
  /** ingest-only: SIU S13/S14, FHIR Appointment updates. */
  'revisit.appointment.rescheduled.v1',
  'revisit.appointment.cancelled.v1',
  'revisit.appointment.no-show.v1',
  'revisit.appointment.attended.v1',
] as const;

export type NormalisedEventType = (typeof NORMALISED_EVENT_TYPES)[number];

export type FeedFormat = 'hl7v2' | 'fhir-r4' | 'erp-csv';

export interface SourceRef {
  readonly format: FeedFormat;
  /** Stable source system key: HL7 "MSH-3@MSH-4", FHIR identifier system/meta.source, ERP store code. */
  readonly system: string;
  /** HL7 MSH-10, FHIR resource id or CSV row number: lets operators find the original. */
  readonly messageId?: string;
}

/** The identifier types of the `libs/domain` catalogue (HL7 table 0203 style); anything else is OTHER. */
export type IdentifierType = 'MR' | 'PI' | 'NI' | 'PPN' | 'INS' | 'MB' | 'HC' | 'DL' | 'OTHER';

export interface LocalIdentifier {
  readonly value: string;
  /** Assigning authority / FHIR system; identifiers are unique only within it. */
  readonly system?: string;
  readonly type: IdentifierType;
  /** The type code as the sender wrote it, kept when it maps to OTHER. */
  readonly sourceType?: string;
}

export type NameScript = 'ideographic' | 'alphabetic' | 'phonetic' | 'unspecified';

export interface NormalisedName {
  readonly family?: string;
  readonly given?: string;
  /** Whole name as one string, e.g. 张三 or "John A Doe". */
  readonly text: string;
  readonly script: NameScript;
  /** Hanyu pinyin (toneless, lower case) for names in Han characters, for matching and sorting. */
  readonly pinyin?: string;
}

export type AdministrativeSex = 'male' | 'female' | 'other' | 'unknown';

export interface NormalisedPhone {
  /** E.164 for mainland numbers (`+8613912345678`); other numbers as digits with an optional leading +. */
  readonly value: string;
  readonly use: 'mobile' | 'home' | 'work' | 'other';
}

export interface NormalisedAddress {
  readonly text: string;
  readonly city?: string;
  readonly district?: string;
  readonly state?: string;
  readonly postalCode?: string;
  readonly country?: string;
}

export interface PatientSnapshot {
  /** Always null at this stage: assigned by the EMPI. */
  readonly enterpriseId: null;
  readonly identifiers: readonly LocalIdentifier[];
  readonly names: readonly NormalisedName[];
  readonly sex?: AdministrativeSex;
  /** YYYY-MM-DD, or YYYY-MM / YYYY when the source is less precise. */
  readonly birthDate?: string;
  readonly phones: readonly NormalisedPhone[];
  readonly addresses: readonly NormalisedAddress[];
  readonly deceased?: boolean;
}

export interface CodedValue {
  readonly code?: string;
  readonly system?: string;
  readonly display?: string;
  /**
   * The same concept in other code systems (FHIR's further codings and text, HL7 CE/CWE alternate
   * components 4-6): where an ATC code or a follow-up category often travels beside a local code.
   */
  readonly alternates?: readonly CodedValue[];
}

export interface Quantity {
  readonly value: number;
  readonly unit?: string;
}

export interface EncounterData {
  readonly encounterId?: string;
  readonly class?: 'inpatient' | 'outpatient' | 'emergency' | 'other';
  readonly department?: string;
  readonly attendingDoctor?: string;
  readonly startedAt?: string;
  readonly endedAt?: string;
  readonly diagnoses: readonly CodedValue[];
  /** A11 cancels an admission/visit, A13 cancels a discharge. */
  readonly cancels?: 'admission' | 'discharge';
}

export interface MedicationData {
  /** Dispense id, prescription (placer/filler order) id or ERP ticket number. */
  readonly dispenseId?: string;
  readonly prescriptionId?: string;
  readonly drug: CodedValue;
  readonly quantity?: Quantity;
  readonly sig?: string;
  readonly daysSupply?: number;
  readonly dispensedAt?: string;
  readonly prescribedAt?: string;
  readonly prescriber?: string;
  readonly dispenser?: string;
  readonly store?: string;
  readonly reason?: string;
  /** What the patient was charged for this dispense, when the feed says (FT1, ERP amount column). */
  readonly charge?: NormalisedCharge;
}

export interface ProcedureData {
  readonly procedureId?: string;
  readonly procedure: CodedValue;
  /** What kind of procedure the source says it is (FHIR Procedure.category), for the follow-up category. */
  readonly category?: CodedValue;
  readonly performedAt?: string;
  readonly performer?: string;
  readonly department?: string;
  readonly encounterId?: string;
  /** What the patient was charged for the treatment (the FT1 it came from). */
  readonly charge?: NormalisedCharge;
}

export interface AppointmentData {
  readonly appointmentId?: string;
  readonly start?: string;
  readonly end?: string;
  readonly durationMinutes?: number;
  readonly serviceType?: CodedValue;
  readonly department?: string;
  readonly provider?: string;
  readonly reason?: string;
}

export interface MergeData {
  /** Local ids of the record that survives (PID) and of the record retired into it (MRG). */
  readonly surviving: readonly LocalIdentifier[];
  readonly retired: readonly LocalIdentifier[];
  readonly kind: 'merge' | 'identifier-change';
}

export interface NormalisedEventDataMap {
  'revisit.source.patient-registered.v1': Record<string, never>;
  'revisit.source.patient-updated.v1': Record<string, never>;
  'revisit.source.patients-merged.v1': MergeData;
  'revisit.clinical.encounter-started.v1': EncounterData;
  'revisit.clinical.encounter-discharged.v1': EncounterData;
  'revisit.clinical.encounter-planned.v1': EncounterData;
  'revisit.clinical.encounter-transferred.v1': EncounterData;
  'revisit.clinical.encounter-cancelled.v1': EncounterData;
  'revisit.clinical.medication-prescribed.v1': MedicationData;
  'revisit.clinical.medication-dispensed.v1': MedicationData;
  'revisit.clinical.medication-dispense-reversed.v1': MedicationData;
  'revisit.clinical.procedure-performed.v1': ProcedureData;
  'revisit.appointment.booked.v1': AppointmentData;
  'revisit.appointment.rescheduled.v1': AppointmentData;
  'revisit.appointment.cancelled.v1': AppointmentData;
  'revisit.appointment.no-show.v1': AppointmentData;
  'revisit.appointment.attended.v1': AppointmentData;
}

export interface NormalisedEvent<T extends NormalisedEventType = NormalisedEventType> {
  readonly type: T;
  readonly source: SourceRef;
  /** When it happened in the source (ISO-8601 with offset), if known. */
  readonly occurredAt?: string;
  readonly patient: PatientSnapshot;
  readonly data: NormalisedEventDataMap[T];
}

export function normalisedEvent<T extends NormalisedEventType>(
  type: T,
  fields: Omit<NormalisedEvent<T>, 'type'>,
): NormalisedEvent<T> {
  return { type, ...fields };
}
