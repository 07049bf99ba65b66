import { Type, type Static } from '@sinclair/typebox';
import { EnterprisePatientId, OrganisationId, RevisitId, StringEnum } from '../schema-kit';

export const FOLLOW_UP_PURPOSES = [
  'medication-adherence',
  'refill-reminder',
  'post-procedure-check',
  'post-discharge',
  'post-visit',
  'missed-appointment',
  'appointment-reminder',
  'return-visit-invitation',
  'chronic-review',
  'satisfaction-survey',
  'seasonal-care',
  'special-date-greeting',
  'complaint-callback',
  'other',
] as const;

export const FollowUpPurposeSchema = StringEnum(FOLLOW_UP_PURPOSES, {
  description:
    'Why the patient is contacted; selects script and reporting bucket. `seasonal-care`: campaigns such as ' +
    'before the Spring Festival; `special-date-greeting`: birthday and similar; `complaint-callback`: the ' +
    'doctor calls back after a complaint or discomfort.',
});
export type FollowUpPurpose = Static<typeof FollowUpPurposeSchema>;

export const TaskPrioritySchema = StringEnum(['low', 'normal', 'high', 'urgent'], {
  description: 'Worklist priority; `urgent` for same-hour calls (e.g. missed visit during treatment).',
});

/** Fields that identify a task in every follow-up event. */
export const taskIdentityProperties = {
  taskId: RevisitId('Follow-up task id.'),
  patientEnterpriseId: EnterprisePatientId(),
  orgId: OrganisationId(),
};

export const PlanRefSchema = Type.Object(
  {
    planId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[^\\s]+$', description: 'Follow-up plan id.' }),
    version: Type.Integer({ minimum: 1, description: 'Plan version the task was generated from.' }),
    stepId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[^\\s]+$', description: 'Step within the plan.' }),
  },
  { description: 'The plan step that generated the task.' },
);
