import { type DateTime } from 'luxon';
import { type SupplyTimeline } from '../supply/supply-timeline';
import { type PatientEvent } from './patient-event';

/** A therapy course: consecutive dispenses of one drug, ended when the patient switches drug. */
export interface TherapyCourse {
  readonly drugCode: string;
  readonly timeline?: SupplyTimeline;
  readonly endedAt?: DateTime;
  readonly endReason?: string;
}

/** One firing of a plan for a patient; its key is part of every task id it yields. */
export interface TriggerInstance {
  /** stable identity of the triggering record, e.g. "Appointment/A7" or "MedicationDispense/D1" */
  readonly key: string;
  readonly event: PatientEvent;
  readonly at: DateTime;
  readonly course?: TherapyCourse;
}

/** Key of a once-per-patient trigger: the catalogue event that started it (one envelope may yield several facts). */
export function patientTriggerKey(event: PatientEvent): string {
  return `Event/${event.id.split('#')[0] ?? event.id}`;
}

/** The source record an event is about: updates of the same record keep the same trigger key. */
export function recordKey(event: PatientEvent): string {
  switch (event.type) {
    case 'medication-dispensed':
    case 'medication-dispense-reversed':
      return `MedicationDispense/${event.dispenseId}`;
    case 'medication-returned':
      return `MedicationReturn/${event.returnId}`;
    case 'procedure-performed':
    case 'procedure-reversed':
      return `Procedure/${event.procedureId}`;
    case 'encounter-finished':
      return `Encounter/${event.encounterId}`;
    case 'appointment-booked':
    case 'appointment-cancelled':
      return `Appointment/${event.appointmentId}`;
    case 'appointment-missed':
      return `Appointment/${event.appointmentId}/no-show`;
    case 'condition-recorded':
    case 'condition-resolved':
      return `Condition/${event.conditionId}`;
    case 'patient-registered':
    case 'patient-status-changed':
    case 'do-not-disturb-set':
    case 'quiet-times-set':
    case 'health-record-filed':
    case 'measurement-taken':
    case 'patients-merged':
      return `Patient/${event.patientId}`;
  }
}
