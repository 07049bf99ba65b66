import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../catalogue-entry';
import { OffsetDateTime, StringEnum } from '../schema-kit';
import { taskIdentityProperties } from './task-vocabulary';

const { patientEnterpriseId, orgId } = taskIdentityProperties;

export const FollowUpCohortAssignedV1Schema = Type.Object(
  {
    patientEnterpriseId,
    orgId,
    plan: Type.Object(
      {
        planId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[^\\s]+$', description: 'Follow-up plan id.' }),
        version: Type.Integer({ minimum: 1, description: 'Plan version whose hold-out share applied.' }),
      },
      { description: 'The plan the patient entered.' },
    ),
    arm: StringEnum(['followed-up', 'control'], {
      description:
        '`followed-up`: the plan will contact the patient; `control`: randomly held out from follow-up so its ' +
        'effect can be measured (lift).',
    }),
    assignedAt: OffsetDateTime('When the patient entered the plan and the arm was drawn.'),
  },
  { description: 'A patient entered a follow-up plan and was randomly assigned to its followed-up or control arm.' },
);
export type FollowUpCohortAssignedV1 = Static<typeof FollowUpCohortAssignedV1Schema>;

export const FOLLOW_UP_COHORT_ASSIGNED_V1 = defineEvent({
  type: 'revisit.followup.cohort-assigned.v1',
  description: 'A patient entered a plan and was drawn into its followed-up arm or its random control hold-out.',
  schema: FollowUpCohortAssignedV1Schema,
  aggregate: 'patient',
  subjectPointer: '/patientEnterpriseId',
  producer: 'scheduler',
  example: {
    patientEnterpriseId: 'EP00012345',
    orgId: 'org-demo-pharmacy',
    plan: { planId: 'pharmacy-chronic', version: 3 },
    arm: 'control',
    assignedAt: '2026-03-02T10:12:00.000+08:00',
  },
});
