import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../catalogue-entry';
import { OutreachChannelSchema } from '../common/outreach-channel';
import { Code, LocalTimeOfDay, OffsetDateTime, StaffId } from '../schema-kit';
import { FollowUpPurposeSchema, TaskPrioritySchema, taskIdentityProperties } from './task-vocabulary';

export const FollowUpTaskDueV1Schema = Type.Object(
  {
    ...taskIdentityProperties,
    purpose: FollowUpPurposeSchema,
    scriptRef: Type.Optional(Code('Call script or message template id, with version.')),
    dueAt: OffsetDateTime('The due time that was reached.'),
    callSlot: Type.Optional(LocalTimeOfDay('Call slot to use, e.g. `16:00`.')),
    channelLadder: Type.Array(OutreachChannelSchema, {
      minItems: 1,
      uniqueItems: true,
      description: 'Channels to try in order.',
    }),
    assigneeStaffId: Type.Optional(StaffId('Staff member the task is assigned to.')),
    priority: TaskPrioritySchema,
  },
  { description: 'A follow-up task is due now and should be worked by outreach.' },
);
export type FollowUpTaskDueV1 = Static<typeof FollowUpTaskDueV1Schema>;

export const FOLLOW_UP_TASK_DUE_V1 = defineEvent({
  type: 'revisit.followup.task-due.v1',
  description: 'A follow-up task reached its due time (after do-not-disturb checks).',
  schema: FollowUpTaskDueV1Schema,
  aggregate: 'patient',
  subjectPointer: '/patientEnterpriseId',
  producer: 'scheduler',
  example: {
    taskId: '0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b',
    patientEnterpriseId: 'EP00012345',
    orgId: 'org-demo-dental',
    purpose: 'post-procedure-check',
    scriptRef: 'dental-extraction-2h@3',
    dueAt: '2026-03-02T12:00:00.000+08:00',
    channelLadder: ['phone-agent', 'sms'],
    assigneeStaffId: 'staff-0007',
    priority: 'high',
  },
});
