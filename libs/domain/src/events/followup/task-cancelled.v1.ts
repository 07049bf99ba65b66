import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../catalogue-entry';
import { OffsetDateTime, StaffId, StringEnum } from '../schema-kit';
import { taskIdentityProperties } from './task-vocabulary';

export const TASK_CANCEL_REASONS = [
  'does-not-want-follow-up',
  'do-not-contact',
  'changed-therapy',
  'moved-away',
  'deceased',
  'trigger-reversed',
  'superseded',
  'patient-merged',
  'plan-retired',
  'other',
] as const;

export const FollowUpTaskCancelledV1Schema = Type.Object(
  {
    ...taskIdentityProperties,
    reason: StringEnum(TASK_CANCEL_REASONS, {
      description:
        '`does-not-want-follow-up` (不愿意接受回访), `do-not-contact`, `changed-therapy`, `moved-away`, ' +
        '`deceased`; `trigger-reversed` (e.g. 退药), `superseded` by a newer task, `patient-merged`, `plan-retired`.',
    }),
    cancelledByStaffId: Type.Optional(StaffId('Staff member who cancelled; absent when automatic.')),
    cancelledAt: OffsetDateTime('When the task was cancelled.'),
  },
  { description: 'A follow-up task will not be carried out.' },
);
export type FollowUpTaskCancelledV1 = Static<typeof FollowUpTaskCancelledV1Schema>;

export const FOLLOW_UP_TASK_CANCELLED_V1 = defineEvent({
  type: 'revisit.followup.task-cancelled.v1',
  description: 'A follow-up task was cancelled.',
  schema: FollowUpTaskCancelledV1Schema,
  aggregate: 'patient',
  subjectPointer: '/patientEnterpriseId',
  producer: 'scheduler',
  example: {
    taskId: '0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b',
    patientEnterpriseId: 'EP00012345',
    orgId: 'org-demo-dental',
    reason: 'does-not-want-follow-up',
    cancelledByStaffId: 'staff-0007',
    cancelledAt: '2026-03-02T13:05:00.000+08:00',
  },
});
