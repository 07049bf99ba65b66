import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../catalogue-entry';
import { OutreachChannelSchema } from '../common/outreach-channel';
import { NonNegativeInteger, OffsetDateTime, StaffId, StringEnum } from '../schema-kit';
import { taskIdentityProperties } from './task-vocabulary';

export const TASK_OUTCOMES = [
  'reached',
  'not-reached',
  'refused',
  'do-not-contact',
  'wrong-number',
  'moved-away',
  'deceased',
  'changed-therapy',
] as const;

export const FollowUpTaskCompletedV1Schema = Type.Object(
  {
    ...taskIdentityProperties,
    outcome: StringEnum(TASK_OUTCOMES, {
      description:
        '`reached`: the conversation happened; `not-reached`: the channel ladder was exhausted; the other ' +
        'values end follow-up for the reason they name.',
    }),
    channel: Type.Optional(OutreachChannelSchema),
    attempts: NonNegativeInteger('Number of outreach attempts made for the task.'),
    needsDoctorCallback: Type.Boolean({
      description: 'The patient reported discomfort or a complaint; the treating doctor should call back.',
    }),
    returnVisitBooked: Type.Boolean({ description: 'A return visit was booked during the follow-up.' }),
    completedByStaffId: Type.Optional(StaffId('Staff member who closed the task; absent for robot or SMS.')),
    completedAt: OffsetDateTime('When the task was closed.'),
  },
  { description: 'A follow-up task was closed with an outcome.' },
);
export type FollowUpTaskCompletedV1 = Static<typeof FollowUpTaskCompletedV1Schema>;

export const FOLLOW_UP_TASK_COMPLETED_V1 = defineEvent({
  type: 'revisit.followup.task-completed.v1',
  description: 'A follow-up task was closed with an outcome.',
  schema: FollowUpTaskCompletedV1Schema,
  aggregate: 'patient',
  subjectPointer: '/patientEnterpriseId',
  producer: 'outreach',
  example: {
    taskId: '0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b',
    patientEnterpriseId: 'EP00012345',
    orgId: 'org-demo-dental',
    outcome: 'reached',
    channel: 'phone-agent',
    attempts: 2,
    needsDoctorCallback: false,
    returnVisitBooked: true,
    completedByStaffId: 'staff-0007',
    completedAt: '2026-03-02T13:08:00.000+08:00',
  },
});
