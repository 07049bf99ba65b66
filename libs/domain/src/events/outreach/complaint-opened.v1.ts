import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../catalogue-entry';
import {
  Code,
  EnterprisePatientId,
  OffsetDateTime,
  OrganisationId,
  RevisitId,
  StaffId,
  StringEnum,
} from '../schema-kit';
import { FeedbackKindSchema } from './complaint-vocabulary';

export const ComplaintOpenedV1Schema = Type.Object(
  {
    complaintId: RevisitId('Complaint (feedback case) id.'),
    patientEnterpriseId: EnterprisePatientId(),
    orgId: OrganisationId(),
    kind: FeedbackKindSchema,
    categoryCode: Type.Optional(Code("Topic from the organisation's feedback category list, e.g. `waiting-time`.")),
    severity: StringEnum(['low', 'medium', 'high'], { description: 'Drives the SLA and escalation.' }),
    source: StringEnum(['follow-up-call', 'survey', 'inbound-call', 'walk-in', 'wechat', 'other'], {
      description: 'Where the feedback came in.',
    }),
    departmentCode: Type.Optional(Code('Department the feedback is about.')),
    aboutStaffId: Type.Optional(StaffId('Staff member the feedback is about.')),
    assigneeStaffId: StaffId('Responsible person the case is routed to.'),
    relatedTaskId: Type.Optional(RevisitId('Follow-up task during which it was raised.')),
    slaDueAt: OffsetDateTime('When the case must be resolved.'),
    openedAt: OffsetDateTime('When the case was opened.'),
  },
  { description: 'Patient feedback was recorded as a case to resolve; the narrative stays in outreach.' },
);
export type ComplaintOpenedV1 = Static<typeof ComplaintOpenedV1Schema>;

export const COMPLAINT_OPENED_V1 = defineEvent({
  type: 'revisit.outreach.complaint-opened.v1',
  description: 'A complaint or other feedback case was opened and routed to a responsible person.',
  schema: ComplaintOpenedV1Schema,
  aggregate: 'patient',
  subjectPointer: '/patientEnterpriseId',
  producer: 'outreach',
  example: {
    complaintId: '0195a1e0-0000-7000-8000-0000000000c1',
    patientEnterpriseId: 'EP00012345',
    orgId: 'org-demo-hospital',
    kind: 'complaint',
    categoryCode: 'waiting-time',
    severity: 'medium',
    source: 'follow-up-call',
    departmentCode: 'cardiology',
    assigneeStaffId: 'staff-0301',
    relatedTaskId: '0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b',
    slaDueAt: '2026-03-05T18:00:00.000+08:00',
    openedAt: '2026-03-03T10:20:00.000+08:00',
  },
});
