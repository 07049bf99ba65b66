import { type Static } from '@sinclair/typebox';
import { WEEKLY_SUMMARY_PUBLISHED_V1 } from './analytics/weekly-summary-published.v1';
import { APPOINTMENT_ATTENDED_V1 } from './appointment/attended.v1';
import { APPOINTMENT_BOOKED_V1 } from './appointment/booked.v1';
import { APPOINTMENT_CANCELLED_V1 } from './appointment/cancelled.v1';
import { APPOINTMENT_NO_SHOW_V1 } from './appointment/no-show.v1';
import { ENCOUNTER_DISCHARGED_V1 } from './clinical/encounter-discharged.v1';
import { ENCOUNTER_STARTED_V1 } from './clinical/encounter-started.v1';
import { MEDICATION_DISPENSE_REVERSED_V1 } from './clinical/medication-dispense-reversed.v1';
import { MEDICATION_DISPENSED_V1 } from './clinical/medication-dispensed.v1';
import { PROCEDURE_PERFORMED_V1 } from './clinical/procedure-performed.v1';
import { FOLLOW_UP_COHORT_ASSIGNED_V1 } from './followup/cohort-assigned.v1';
import { FOLLOW_UP_TASK_CANCELLED_V1 } from './followup/task-cancelled.v1';
import { FOLLOW_UP_TASK_COMPLETED_V1 } from './followup/task-completed.v1';
import { FOLLOW_UP_TASK_CREATED_V1 } from './followup/task-created.v1';
import { FOLLOW_UP_TASK_DUE_V1 } from './followup/task-due.v1';
import { FOLLOW_UP_TASK_RESCHEDULED_V1 } from './followup/task-rescheduled.v1';
import { OUTREACH_ATTEMPT_RECORDED_V1 } from './outreach/attempt-recorded.v1';
import { CALL_AUDITED_V1 } from './outreach/call-audited.v1';
import { COMPLAINT_OPENED_V1 } from './outreach/complaint-opened.v1';
import { COMPLAINT_RESOLVED_V1 } from './outreach/complaint-resolved.v1';
import { CONTACT_PREFERENCE_CHANGED_V1 } from './outreach/contact-preference-changed.v1';
import { SURVEY_RESPONSE_RECORDED_V1 } from './outreach/survey-response-recorded.v1';
import { PATIENT_LINKED_V1 } from './patient/linked.v1';
import { PATIENT_MERGED_V1 } from './patient/merged.v1';
import { PATIENT_REGISTERED_V1 } from './patient/registered.v1';
import { PATIENT_UNMERGED_V1 } from './patient/unmerged.v1';
import { PATIENT_UPDATED_V1 } from './patient/updated.v1';
import { type EventCatalogueEntry } from './catalogue-entry';

/**
 * Every event Revisit publishes, keyed by CloudEvents type (= Kafka topic). Adding an event means adding
 * its file and one line here; the AsyncAPI document and docs are generated from this object.
 */
export const EVENT_CATALOGUE = {
  [PATIENT_REGISTERED_V1.type]: PATIENT_REGISTERED_V1,
  [PATIENT_UPDATED_V1.type]: PATIENT_UPDATED_V1,
  [PATIENT_LINKED_V1.type]: PATIENT_LINKED_V1,
  [PATIENT_MERGED_V1.type]: PATIENT_MERGED_V1,
  [PATIENT_UNMERGED_V1.type]: PATIENT_UNMERGED_V1,
  [MEDICATION_DISPENSED_V1.type]: MEDICATION_DISPENSED_V1,
  [MEDICATION_DISPENSE_REVERSED_V1.type]: MEDICATION_DISPENSE_REVERSED_V1,
  [PROCEDURE_PERFORMED_V1.type]: PROCEDURE_PERFORMED_V1,
  [ENCOUNTER_STARTED_V1.type]: ENCOUNTER_STARTED_V1,
  [ENCOUNTER_DISCHARGED_V1.type]: ENCOUNTER_DISCHARGED_V1,
  [APPOINTMENT_BOOKED_V1.type]: APPOINTMENT_BOOKED_V1,
  [APPOINTMENT_CANCELLED_V1.type]: APPOINTMENT_CANCELLED_V1,
  [APPOINTMENT_NO_SHOW_V1.type]: APPOINTMENT_NO_SHOW_V1,
  [APPOINTMENT_ATTENDED_V1.type]: APPOINTMENT_ATTENDED_V1,
  [FOLLOW_UP_TASK_CREATED_V1.type]: FOLLOW_UP_TASK_CREATED_V1,
  [FOLLOW_UP_TASK_RESCHEDULED_V1.type]: FOLLOW_UP_TASK_RESCHEDULED_V1,
  [FOLLOW_UP_TASK_CANCELLED_V1.type]: FOLLOW_UP_TASK_CANCELLED_V1,
  [FOLLOW_UP_TASK_DUE_V1.type]: FOLLOW_UP_TASK_DUE_V1,
  [FOLLOW_UP_TASK_COMPLETED_V1.type]: FOLLOW_UP_TASK_COMPLETED_V1,
  [FOLLOW_UP_COHORT_ASSIGNED_V1.type]: FOLLOW_UP_COHORT_ASSIGNED_V1,
  [OUTREACH_ATTEMPT_RECORDED_V1.type]: OUTREACH_ATTEMPT_RECORDED_V1,
  [SURVEY_RESPONSE_RECORDED_V1.type]: SURVEY_RESPONSE_RECORDED_V1,
  [COMPLAINT_OPENED_V1.type]: COMPLAINT_OPENED_V1,
  [COMPLAINT_RESOLVED_V1.type]: COMPLAINT_RESOLVED_V1,
  [CONTACT_PREFERENCE_CHANGED_V1.type]: CONTACT_PREFERENCE_CHANGED_V1,
  [CALL_AUDITED_V1.type]: CALL_AUDITED_V1,
  [WEEKLY_SUMMARY_PUBLISHED_V1.type]: WEEKLY_SUMMARY_PUBLISHED_V1,
} as const satisfies { readonly [type: string]: EventCatalogueEntry };

export type EventCatalogue = typeof EVENT_CATALOGUE;

/** Every known event type (CloudEvents `type`, equal to the Kafka topic). */
export type EventType = keyof EventCatalogue;

/** Event type -> its `data` payload type, so emit and handle are checked against the catalogue. */
export type EventPayloadMap = { [K in EventType]: Static<EventCatalogue[K]['schema']> };

/** The payload type of one event type, e.g. `EventPayload<'revisit.patient.registered.v1'>`. */
export type EventPayload<T extends EventType> = EventPayloadMap[T];

export const EVENT_TYPES = Object.keys(EVENT_CATALOGUE) as readonly EventType[];

export function isKnownEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_CATALOGUE, type);
}

export function catalogueEntryOf<T extends EventType>(type: T): EventCatalogue[T] {
  return EVENT_CATALOGUE[type];
}
