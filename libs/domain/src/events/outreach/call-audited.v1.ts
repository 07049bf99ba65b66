import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../catalogue-entry';
import {
  Code,
  EnterprisePatientId,
  NonNegativeInteger,
  OffsetDateTime,
  OrganisationId,
  PositiveInteger,
  RevisitId,
  StaffId,
} from '../schema-kit';

export const CallAuditedV1Schema = Type.Object(
  {
    attemptId: RevisitId('The recorded agent call (outreach attempt) that was drawn for review and scored.'),
    taskId: RevisitId('Follow-up task the call belonged to.'),
    patientEnterpriseId: EnterprisePatientId(),
    orgId: OrganisationId(),
    agentStaffId: StaffId('Agent who made the call.'),
    scoredByStaffId: StaffId('Supervisor or auditor who listened to the recording and scored it.'),
    criteria: Type.Array(
      Type.Object(
        {
          code: Code('Checklist item, e.g. `greeting`, `identity-check`, `script`, `empathy`, `record-keeping`.'),
          score: NonNegativeInteger('Points given.'),
          maxScore: PositiveInteger('Points possible.'),
        },
        { description: 'One checklist item and its score.' },
      ),
      { minItems: 1, description: "The organisation's call-quality checklist as scored." },
    ),
    totalScore: Type.Integer({
      minimum: 0,
      maximum: 100,
      description: 'Share of the checklist points earned, as a whole percentage (0-100).',
    }),
    callStartedAt: OffsetDateTime('When the call started.'),
    scoredAt: OffsetDateTime('When the score was recorded.'),
  },
  { description: 'A sampled call-centre call was scored by quality audit.' },
);
export type CallAuditedV1 = Static<typeof CallAuditedV1Schema>;

export const CALL_AUDITED_V1 = defineEvent({
  type: 'revisit.outreach.call-audited.v1',
  description: 'A call drawn at random for quality audit was listened to and scored (call-centre audit scores).',
  schema: CallAuditedV1Schema,
  aggregate: 'patient',
  subjectPointer: '/patientEnterpriseId',
  producer: 'outreach',
  example: {
    attemptId: '0195a1c0-1111-7222-8333-444455556666',
    taskId: '0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b',
    patientEnterpriseId: 'EP00012345',
    orgId: 'org-demo-dental',
    agentStaffId: 'staff-0007',
    scoredByStaffId: 'staff-0001',
    criteria: [
      { code: 'greeting', score: 20, maxScore: 20 },
      { code: 'identity-check', score: 20, maxScore: 20 },
      { code: 'script', score: 18, maxScore: 20 },
      { code: 'empathy', score: 16, maxScore: 20 },
      { code: 'record-keeping', score: 16, maxScore: 20 },
    ],
    totalScore: 90,
    callStartedAt: '2026-03-02T12:00:05.000+08:00',
    scoredAt: '2026-03-03T09:30:00.000+08:00',
  },
});
