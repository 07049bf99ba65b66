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

export const ComplaintResolvedV1Schema = Type.Object(
  {
    complaintId: RevisitId('Complaint (feedback case) id.'),
    patientEnterpriseId: EnterprisePatientId(),
    orgId: OrganisationId(),
    kind: FeedbackKindSchema,
    departmentCode: Type.Optional(Code('Department the feedback was about.')),
    resolution: StringEnum(['resolved', 'withdrawn', 'unfounded', 'acknowledged'], {
      description: '`acknowledged` closes praise, suggestions and needs that require no fix.',
    }),
    escalated: Type.Boolean({ description: 'True if the case went to a superior department.' }),
    resolvedByStaffId: StaffId('Staff member who closed the case.'),
    slaDueAt: OffsetDateTime('The SLA deadline the case had.'),
    slaMet: Type.Boolean({ description: 'True when resolved at or before `slaDueAt`.' }),
    resolvedAt: OffsetDateTime('When the case was closed and the patient told the result.'),
  },
  { description: 'A feedback case was closed.' },
);
export type ComplaintResolvedV1 = Static<typeof ComplaintResolvedV1Schema>;

export const COMPLAINT_RESOLVED_V1 = defineEvent({
  type: 'revisit.outreach.complaint-resolved.v1',
  description: 'A complaint or other feedback case was closed, with SLA outcome.',
  schema: ComplaintResolvedV1Schema,
  aggregate: 'patient',
  subjectPointer: '/patientEnterpriseId',
  producer: 'outreach',
  example: {
    complaintId: '0195a1e0-0000-7000-8000-0000000000c1',
    patientEnterpriseId: 'EP00012345',
    orgId: 'org-demo-hospital',
    kind: 'complaint',
    departmentCode: 'cardiology',
    resolution: 'resolved',
    escalated: false,
    resolvedByStaffId: 'staff-0301',
    slaDueAt: '2026-03-05T18:00:00.000+08:00',
    slaMet: true,
    resolvedAt: '2026-03-04T15:45:00.000+08:00',
  },
});
