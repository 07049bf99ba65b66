import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import {
  type AnyEventEnvelope,
  EVENT_CATALOGUE,
  type EventPayloadMap,
  type EventType,
  newEvent,
} from '@revisit/domain';

/**
 * A small clinic history whose figures are worked out by hand in metrics-from-events.int-spec.ts.
 * Patients (ids suffixed per run): A, B, C, D visit cardiology; E buys valsartan at a store; X is A's
 * duplicate record, merged into A at the end of the test.
 */
export function knownHistory(run: string) {
  const org = `org-it-${run}`;
  const id = (name: string) => `EP-${name}-${run}`;
  const event = <T extends EventType>(type: T, subject: string, data: EventPayloadMap[T]): AnyEventEnvelope =>
    newEvent(type, { source: 'revisit/ingest', subject, orgid: org, data }) as AnyEventEnvelope;

  const discharged = (name: string, encounter: string, at: string, chargeMinor?: number) =>
    event('revisit.clinical.encounter-discharged.v1', id(name), {
      ...EVENT_CATALOGUE['revisit.clinical.encounter-discharged.v1'].example,
      encounterId: encounter,
      orgId: org,
      patient: { enterpriseId: id(name), sourceSystem: 'his-main', localId: `MRN-${name}` },
      departmentCode: 'cardiology',
      attendingStaffId: 'doc-0108',
      diagnoses: [{ system: 'ICD-10', code: 'I10', role: 'primary' }],
      admittedAt: `${at}T08:00:00.000+08:00`,
      dischargedAt: `${at}T10:00:00.000+08:00`,
      ...(chargeMinor === undefined ? {} : { charge: { amountMinor: chargeMinor, currency: 'CNY' } }),
    });

  const dispensed = (dispenseId: string, at: string) =>
    event('revisit.clinical.medication-dispensed.v1', id('E'), {
      ...EVENT_CATALOGUE['revisit.clinical.medication-dispensed.v1'].example,
      dispenseId,
      orgId: org,
      patient: { enterpriseId: id('E'), sourceSystem: 'pharmacy-erp', localId: 'M-E' },
      daysSupply: 30,
      dispensedAt: `${at}T10:12:00.000+08:00`,
    });

  const survey = (name: string, nps: number, csat?: number) =>
    event('revisit.outreach.survey-response-recorded.v1', id(name), {
      responseId: randomUUID(),
      patientEnterpriseId: id(name),
      orgId: org,
      surveyId: 'post-visit-satisfaction',
      surveyVersion: 2,
      channel: 'questionnaire',
      departmentCode: 'cardiology',
      nps,
      ...(csat === undefined ? {} : { csat }),
      answers: {},
      ...(nps <= 6 ? { freeText: '候诊时间太长' } : {}),
      respondedAt: '2027-02-20T20:00:00.000+08:00',
    });

  const cohort = (name: string, arm: 'followed-up' | 'control') =>
    event('revisit.followup.cohort-assigned.v1', id(name), {
      patientEnterpriseId: id(name),
      orgId: org,
      plan: { planId: 'cardiology-return', version: 1 },
      arm,
      assignedAt: '2027-01-01T09:00:00.000+08:00',
    });

  const taskIds = [randomUUID(), randomUUID()];
  const task = (taskId: string, due: string) =>
    event('revisit.followup.task-created.v1', id('A'), {
      taskId,
      patientEnterpriseId: id('A'),
      orgId: org,
      plan: { planId: 'cardiology-return', version: 1, stepId: 'day-7' },
      triggerEventId: randomUUID(),
      purpose: 'post-discharge',
      dueAt: due,
      channelLadder: ['phone-robot', 'phone-agent'],
      priority: 'normal',
    });
  const completed = (taskId: string, at: string, attempts: number, channel: 'phone-robot' | 'phone-agent') =>
    event('revisit.followup.task-completed.v1', id('A'), {
      taskId,
      patientEnterpriseId: id('A'),
      orgId: org,
      outcome: 'reached',
      channel,
      attempts,
      needsDoctorCallback: false,
      returnVisitBooked: false,
      ...(channel === 'phone-agent' ? { completedByStaffId: 'agent-7' } : {}),
      completedAt: at,
    });
  const attempt = (
    taskId: string,
    no: number,
    channel: 'phone-robot' | 'phone-agent',
    disposition: 'answered' | 'no-answer' | 'busy',
  ) =>
    event('revisit.outreach.attempt-recorded.v1', id('A'), {
      attemptId: randomUUID(),
      taskId,
      patientEnterpriseId: id('A'),
      orgId: org,
      attemptNo: no,
      channel,
      disposition,
      ...(channel === 'phone-agent' ? { agentStaffId: 'agent-7' } : {}),
      startedAt: `2027-01-1${no}T10:00:00.000+08:00`,
      talkSeconds: disposition === 'answered' ? 120 : 0,
    });

  const audited = (day: string, totalScore: number) =>
    event('revisit.outreach.call-audited.v1', id('A'), {
      attemptId: randomUUID(),
      taskId: taskIds[1]!,
      patientEnterpriseId: id('A'),
      orgId: org,
      agentStaffId: 'agent-7',
      scoredByStaffId: 'qa-1',
      criteria: [{ code: 'script', score: totalScore, maxScore: 100 }],
      totalScore,
      callStartedAt: `${day}T10:00:00.000+08:00`,
      scoredAt: '2027-04-02T09:00:00.000+08:00',
    });

  const events: AnyEventEnvelope[] = [
    discharged('A', 'ENC-A1', '2026-12-10', 10_000),
    discharged('A', 'ENC-A2', '2027-01-15', 20_000),
    discharged('A', 'ENC-A3', '2027-02-14', 10_000),
    discharged('B', 'ENC-B1', '2026-11-20', 5_000),
    discharged('C', 'ENC-C1', '2027-03-01', 6_000),
    discharged('C', 'ENC-C2', '2027-03-11'),
    discharged('D', 'ENC-D1', '2026-12-20'),
    discharged('D', 'ENC-D2', '2027-01-20'),
    discharged('X', 'ENC-X1', '2027-03-25'),
    event('revisit.outreach.contact-preference-changed.v1', id('D'), {
      patientEnterpriseId: id('D'),
      orgId: org,
      consent: { care: 'granted', marketing: 'withdrawn' },
      doNotDisturb: [],
      doesNotWantFollowUp: false,
      movedAway: true,
      deceased: false,
      changedBy: 'staff',
      changedByStaffId: 'staff-0042',
      changedAt: '2027-02-10T10:00:00.000+08:00',
    }),
    dispensed('SO-E1', '2027-01-01'),
    dispensed('SO-E2', '2027-02-10'),
    survey('A', 10, 5),
    survey('B', 9, 4),
    survey('C', 9, 3),
    survey('D', 7),
    survey('E', 3),
    cohort('A', 'followed-up'),
    cohort('C', 'followed-up'),
    cohort('E', 'followed-up'),
    cohort('B', 'control'),
    cohort('D', 'control'),
    task(taskIds[0], '2027-01-10T10:00:00.000+08:00'),
    task(taskIds[1], '2027-01-12T10:00:00.000+08:00'),
    attempt(taskIds[0], 1, 'phone-robot', 'answered'),
    attempt(taskIds[1], 2, 'phone-agent', 'no-answer'),
    attempt(taskIds[1], 3, 'phone-agent', 'busy'),
    attempt(taskIds[1], 4, 'phone-agent', 'answered'),
    completed(taskIds[0], '2027-01-10T09:00:00.000+08:00', 1, 'phone-robot'),
    completed(taskIds[1], '2027-01-14T10:30:00.000+08:00', 3, 'phone-agent'),
    audited('2027-01-13', 90),
    audited('2027-01-14', 80),
    // Scored in the period but for a call made before it: it counts for December, not for this quarter.
    audited('2026-12-30', 10),
  ];

  const merge = event('revisit.patient.merged.v1', id('A'), {
    survivingEnterpriseId: id('A'),
    retiredEnterpriseId: id('X'),
    movedSourceRecords: [{ system: 'his-main', localId: 'MRN-X' }],
    method: 'MANUAL',
    mergedByStaffId: 'staff-0042',
    mergedAt: '2027-04-01T09:00:00.000+08:00',
  });

  return { org, id, events, merge };
}

/** The same facts announced again under new event ids, as a producer re-sending after a crash would. */
export function reannounced(events: readonly AnyEventEnvelope[]): AnyEventEnvelope[] {
  return events.map((e) => ({ ...e, id: uuidv7() }));
}
