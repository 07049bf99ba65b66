import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../catalogue-entry';
import { OffsetDateTime, StaffId, StringEnum } from '../schema-kit';
import { taskIdentityProperties } from './task-vocabulary';

export const TASK_RESCHEDULE_REASONS = [
  'no-answer-retry',
  'busy-retry',
  'unreachable-retry',
  'line-fault-retry',
  'patient-requested',
  'do-not-disturb-period',
  'supply-extended',
  'plan-changed',
  'staff-capacity',
  'other',
] as const;

export const FollowUpTaskRescheduledV1Schema = Type.Object(
  {
    ...taskIdentityProperties,
    previousDueAt: OffsetDateTime('The due time before the change.'),
    dueAt: OffsetDateTime('The new due time.'),
    reason: StringEnum(TASK_RESCHEDULE_REASONS, {
      description:
        'Why: retries after an attempt, a time the patient asked for, a do-not-disturb period, a new ' +
        'purchase extending the supply, a plan change, or workload.',
    }),
    rescheduledByStaffId: Type.Optional(StaffId('Staff member who moved it; absent when automatic.')),
  },
  { description: 'A follow-up task got a new due time.' },
);
export type FollowUpTaskRescheduledV1 = Static<typeof FollowUpTaskRescheduledV1Schema>;

export const FOLLOW_UP_TASK_RESCHEDULED_V1 = defineEvent({
  type: 'revisit.followup.task-rescheduled.v1',
  description: 'A follow-up task was moved to another time.',
  schema: FollowUpTaskRescheduledV1Schema,
  aggregate: 'patient',
  subjectPointer: '/patientEnterpriseId',
  producer: 'scheduler',
  example: {
    taskId: '0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b',
    patientEnterpriseId: 'EP00012345',
    orgId: 'org-demo-dental',
    previousDueAt: '2026-03-02T12:00:00.000+08:00',
    dueAt: '2026-03-02T13:00:00.000+08:00',
    reason: 'no-answer-retry',
  },
});
