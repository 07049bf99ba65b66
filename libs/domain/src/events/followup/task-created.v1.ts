import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../catalogue-entry';
import { OutreachChannelSchema } from '../common/outreach-channel';
import { Code, LocalTimeOfDay, OffsetDateTime, RevisitId, StaffId } from '../schema-kit';
import { FollowUpPurposeSchema, PlanRefSchema, TaskPrioritySchema, taskIdentityProperties } from './task-vocabulary';

export const FollowUpTaskCreatedV1Schema = Type.Object(
  {
    ...taskIdentityProperties,
    plan: PlanRefSchema,
    triggerEventId: RevisitId('Id of the event that caused the task (e.g. the medication-dispensed event).'),
    purpose: FollowUpPurposeSchema,
    scriptRef: Type.Optional(Code('Call script or message template id, with version, e.g. `dental-extraction-d1@3`.')),
    dueAt: OffsetDateTime('When the task becomes due.'),
    callSlot: Type.Optional(LocalTimeOfDay("Preferred call slot in the organisation's zone, e.g. `10:30`.")),
    channelLadder: Type.Array(OutreachChannelSchema, {
      minItems: 1,
      uniqueItems: true,
      description: 'Channels to try in order, e.g. phone-robot, phone-agent, then sms.',
    }),
    assigneeStaffId: Type.Optional(StaffId('Staff member the task is assigned to; absent for a shared queue.')),
    priority: TaskPrioritySchema,
  },
  { description: 'A follow-up task was scheduled for a patient.' },
);
export type FollowUpTaskCreatedV1 = Static<typeof FollowUpTaskCreatedV1Schema>;

export const FOLLOW_UP_TASK_CREATED_V1 = defineEvent({
  type: 'revisit.followup.task-created.v1',
  description: 'The scheduler generated a follow-up task from a plan step.',
  schema: FollowUpTaskCreatedV1Schema,
  aggregate: 'patient',
  subjectPointer: '/patientEnterpriseId',
  producer: 'scheduler',
  example: {
    taskId: '0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b',
    patientEnterpriseId: 'EP00012345',
    orgId: 'org-demo-dental',
    plan: { planId: 'dental-extraction', version: 3, stepId: 'after-2h' },
    triggerEventId: '0195a1b2-6000-7000-8000-00000000e001',
    purpose: 'post-procedure-check',
    scriptRef: 'dental-extraction-2h@3',
    dueAt: '2026-03-02T12:00:00.000+08:00',
    channelLadder: ['phone-agent', 'sms'],
    assigneeStaffId: 'staff-0007',
    priority: 'high',
  },
});
