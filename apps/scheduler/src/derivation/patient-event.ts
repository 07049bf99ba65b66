import { type QuietWindowText } from '../calendar/patient-quiet-times';
import { type PackagingLevel, type Strength } from '../supply/unit-conversion';
import { type EncounterClass, type VisitKind } from '../plans/plan.types';

/**
 * The patient history the plan engine folds over. These mirror the clinical events of the catalogue
 * (libs/domain) in the shape the engine needs; the scheduler's consumers map catalogue events into
 * them. `id` is the event id (duplicates are dropped by it); `occurredAt` is ISO-8601 with offset.
 */
interface EventBase {
  readonly id: string;
  readonly patientId: string;
  readonly occurredAt: string;
}

export interface CodedDrug {
  readonly code: string;
  /** ATC code when known, used by drug-class filters */
  readonly atc?: string;
  readonly name?: string;
}

export interface MedicationDispensed extends EventBase {
  readonly type: 'medication-dispensed';
  readonly dispenseId: string;
  readonly drug: CodedDrug;
  readonly quantity: { readonly value: number; readonly unit: string };
  readonly sig?: string;
  readonly daysSupply?: number;
  readonly packaging?: readonly PackagingLevel[];
  readonly strength?: Strength;
  readonly visitKind?: VisitKind;
  readonly department?: string;
  readonly dispenserId?: string;
  readonly practitionerId?: string;
}

/** The dispense was entered in error or cancelled: it never happened. */
export interface MedicationDispenseReversed extends EventBase {
  readonly type: 'medication-dispense-reversed';
  readonly dispenseId: string;
}

/** 退药: the patient brought back part of a dispense (named, or else the latest earlier one of the drug). */
export interface MedicationReturned extends EventBase {
  readonly type: 'medication-returned';
  readonly returnId: string;
  readonly drugCode?: string;
  readonly quantity: { readonly value: number; readonly unit: string };
  readonly dispenseId?: string;
}

export interface ProcedurePerformed extends EventBase {
  readonly type: 'procedure-performed';
  readonly procedureId: string;
  /** the catalogue's PROCEDURE_CATEGORIES, e.g. dental-extraction, tcm-prescription */
  readonly category: string;
  readonly code?: string;
  readonly department?: string;
  readonly practitionerId?: string;
  readonly visitKind?: VisitKind;
  /** dental: an extraction after which a denture or implant is needed */
  readonly prosthesisPlanned?: boolean;
  /** dental: a root-canal treated tooth restored at the same visit */
  readonly restored?: boolean;
  /** TCM prescription length in days and its day 1 (yyyy-MM-dd) */
  readonly prescriptionDays?: number;
  readonly prescriptionStart?: string;
}

export interface ProcedureReversed extends EventBase {
  readonly type: 'procedure-reversed';
  readonly procedureId: string;
}

export interface EncounterFinished extends EventBase {
  readonly type: 'encounter-finished';
  readonly encounterId: string;
  readonly encounterClass: EncounterClass;
  readonly visitKind?: VisitKind;
  readonly department?: string;
  readonly diagnoses?: readonly string[];
  readonly practitionerId?: string;
}

export interface AppointmentBooked extends EventBase {
  readonly type: 'appointment-booked';
  readonly appointmentId: string;
  readonly start: string;
  readonly department?: string;
  readonly practitionerId?: string;
}

export interface AppointmentCancelled extends EventBase {
  readonly type: 'appointment-cancelled';
  readonly appointmentId: string;
}

export interface AppointmentMissed extends EventBase {
  readonly type: 'appointment-missed';
  readonly appointmentId: string;
  readonly start: string;
  readonly department?: string;
  readonly practitionerId?: string;
}

export interface PatientRegistered extends EventBase {
  readonly type: 'patient-registered';
  /** yyyy-MM-dd */
  readonly birthDate?: string;
}

export interface ConditionRecorded extends EventBase {
  readonly type: 'condition-recorded' | 'condition-resolved';
  readonly conditionId: string;
  readonly code: string;
  readonly chronic?: boolean;
}

export type PatientStatus = 'moved-away' | 'declined-follow-up' | 'consent-withdrawn' | 'deceased';

/** Stops every plan for the patient from `occurredAt` on. */
export interface PatientStatusChanged extends EventBase {
  readonly type: 'patient-status-changed';
  readonly status: PatientStatus;
}

export interface DoNotDisturbSet extends EventBase {
  readonly type: 'do-not-disturb-set';
  readonly from: string;
  readonly to: string;
}

/** The patient's recurring quiet times; the latest event replaces earlier ones (preferences are state). */
export interface QuietTimesSet extends EventBase {
  readonly type: 'quiet-times-set';
  readonly windows: readonly QuietWindowText[];
}

/** Staff who filed the health record (建档) or took a measurement (检测): preferred assignees. */
export interface StaffContact extends EventBase {
  readonly type: 'health-record-filed' | 'measurement-taken';
  readonly staffId: string;
}

/** EMPI merge: `mergedId`'s history now belongs to `patientId` (the survivor). */
export interface PatientsMerged extends EventBase {
  readonly type: 'patients-merged';
  readonly mergedId: string;
}

export type PatientEvent =
  | MedicationDispensed
  | MedicationDispenseReversed
  | MedicationReturned
  | ProcedurePerformed
  | ProcedureReversed
  | EncounterFinished
  | AppointmentBooked
  | AppointmentCancelled
  | AppointmentMissed
  | PatientRegistered
  | ConditionRecorded
  | PatientStatusChanged
  | DoNotDisturbSet
  | QuietTimesSet
  | StaffContact
  | PatientsMerged;
