import { type AnyEventEnvelope, EVENT_CATALOGUE, newEvent } from '@revisit/domain';

export const ORG = 'org-demo-pharmacy';
const REGISTERED = EVENT_CATALOGUE['revisit.patient.registered.v1'].example;
const DUE = EVENT_CATALOGUE['revisit.followup.task-due.v1'].example;

export const ROBOT_ENV = {
  VOICE_ROBOT_KEY_ID: 'outreach',
  VOICE_ROBOT_API_SECRET: 'robot-api-secret-0123456789',
  VOICE_ROBOT_CALLBACK_SECRET: 'robot-callback-secret-0123456789',
  VOICE_ROBOT_DEFAULT_SCRIPT: 'medication-check-v1',
  OUTREACH_TIMER_INTERVAL_MS: '200',
  // Quiet hours off: the test must pass at any hour of the day.
  QUIET_HOURS_FROM: '00:00',
  QUIET_HOURS_TO: '00:00',
};

/** A patient with a mobile and a task due now on the ladder robot -> agent -> SMS. */
export function robotTask(
  taskId: string,
  patient: string,
  mobile: string,
  scriptRef: string | undefined,
): AnyEventEnvelope[] {
  return [
    newEvent('revisit.patient.registered.v1', {
      source: 'revisit/ingest',
      subject: patient,
      orgid: ORG,
      data: {
        ...REGISTERED,
        enterpriseId: patient,
        demographics: { ...REGISTERED.demographics, phones: [{ number: mobile, kind: 'mobile', use: 'primary' }] },
      },
    }),
    newEvent('revisit.followup.task-due.v1', {
      source: 'revisit/scheduler',
      subject: patient,
      orgid: ORG,
      data: {
        ...DUE,
        taskId,
        patientEnterpriseId: patient,
        orgId: ORG,
        purpose: 'medication-adherence',
        scriptRef,
        channelLadder: ['phone-robot', 'phone-agent', 'sms'],
        assigneeStaffId: undefined,
        dueAt: new Date(Date.now() - 60_000).toISOString(),
      },
    }),
  ];
}
