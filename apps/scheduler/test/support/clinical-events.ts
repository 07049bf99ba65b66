import { type AnyEventEnvelope, EVENT_CATALOGUE, type EventPayloadMap, newEvent } from '@revisit/domain';

const DISPENSE_EXAMPLE = EVENT_CATALOGUE['revisit.clinical.medication-dispensed.v1'].example;

export interface PatientRecord {
  readonly enterpriseId: string;
  /** the patient's record in the pharmacy system (what EMPI merges move between enterprise ids) */
  readonly localId: string;
}

/** A valsartan dispense of 2 boxes x 28 capsules, one a day: 56 days of supply from `at`. */
export function valsartanDispensed(
  org: string,
  patient: PatientRecord,
  dispenseId: string,
  at: string,
): AnyEventEnvelope {
  return newEvent('revisit.clinical.medication-dispensed.v1', {
    source: 'revisit/ingest',
    subject: patient.enterpriseId,
    orgid: org,
    data: {
      ...DISPENSE_EXAMPLE,
      dispenseId,
      orgId: org,
      patient: { enterpriseId: patient.enterpriseId, sourceSystem: 'pharmacy-erp', localId: patient.localId },
      dispensedAt: at,
      prescription: { prescriptionId: `RX-${dispenseId}`, startDate: at.slice(0, 10) },
    },
  });
}

export function patientsMerged(
  org: string,
  survivor: PatientRecord,
  retired: PatientRecord,
  at: string,
): AnyEventEnvelope {
  return newEvent('revisit.patient.merged.v1', {
    source: 'revisit/ingest',
    subject: survivor.enterpriseId,
    orgid: org,
    data: {
      survivingEnterpriseId: survivor.enterpriseId,
      retiredEnterpriseId: retired.enterpriseId,
      movedSourceRecords: [{ system: 'pharmacy-erp', localId: retired.localId }],
      method: 'MANUAL',
      mergedByStaffId: 'staff-0042',
      mergedAt: at,
    },
  });
}

export function patientsUnmerged(
  org: string,
  survivor: PatientRecord,
  restored: PatientRecord,
  at: string,
): AnyEventEnvelope {
  return newEvent('revisit.patient.unmerged.v1', {
    source: 'revisit/ingest',
    subject: survivor.enterpriseId,
    orgid: org,
    data: {
      survivingEnterpriseId: survivor.enterpriseId,
      restoredEnterpriseId: restored.enterpriseId,
      movedSourceRecords: [{ system: 'pharmacy-erp', localId: restored.localId }],
      reasonCode: 'wrong-match',
      unmergedByStaffId: 'staff-0042',
      unmergedAt: at,
    },
  });
}

type Preferences = EventPayloadMap['revisit.outreach.contact-preference-changed.v1'];

/** The patient's full contact preferences after a change; unspecified fields are "nothing set". */
export function contactPreferencesChanged(
  org: string,
  patient: PatientRecord,
  at: string,
  changes: Partial<Pick<Preferences, 'consent' | 'doNotDisturb' | 'doesNotWantFollowUp' | 'movedAway' | 'deceased'>>,
): AnyEventEnvelope {
  return newEvent('revisit.outreach.contact-preference-changed.v1', {
    source: 'revisit/outreach',
    subject: patient.enterpriseId,
    orgid: org,
    data: {
      patientEnterpriseId: patient.enterpriseId,
      orgId: org,
      consent: { care: 'granted', marketing: 'unknown' },
      doNotDisturb: [],
      doesNotWantFollowUp: false,
      movedAway: false,
      deceased: false,
      changedBy: 'staff',
      changedByStaffId: 'staff-0107',
      changedAt: at,
      ...changes,
    },
  });
}

export function taskCompleted(
  org: string,
  patient: PatientRecord,
  taskId: string,
  outcome: EventPayloadMap['revisit.followup.task-completed.v1']['outcome'],
  at: string,
): AnyEventEnvelope {
  return newEvent('revisit.followup.task-completed.v1', {
    source: 'revisit/outreach',
    subject: patient.enterpriseId,
    orgid: org,
    data: {
      taskId,
      patientEnterpriseId: patient.enterpriseId,
      orgId: org,
      outcome,
      channel: 'phone-agent',
      attempts: 1,
      needsDoctorCallback: false,
      returnVisitBooked: false,
      completedByStaffId: 'staff-0107',
      completedAt: at,
    },
  });
}
