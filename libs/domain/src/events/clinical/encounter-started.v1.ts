import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../catalogue-entry';
import { DiagnosisSchema } from '../common/coding';
import { PatientRefSchema } from '../common/patient-ref';
import { Code, ExternalId, OffsetDateTime, OrganisationId, StaffId } from '../schema-kit';
import { EncounterClassSchema, VisitTypeSchema } from './visit-type';

export const EncounterStartedV1Schema = Type.Object(
  {
    encounterId: ExternalId('Visit or admission id in the source system.'),
    sourceSystem: ExternalId('Source system code, e.g. `his-main`.'),
    patient: PatientRefSchema,
    orgId: OrganisationId(),
    class: EncounterClassSchema,
    departmentCode: Code('Department code.'),
    attendingStaffId: Type.Optional(StaffId('Attending doctor.')),
    visitType: Type.Optional(VisitTypeSchema),
    diagnoses: Type.Array(DiagnosisSchema, { description: 'Admission or visit diagnoses known so far; may be empty.' }),
    startedAt: OffsetDateTime('Admission or registration time.'),
  },
  { description: 'A patient was admitted or registered for a visit.' },
);
export type EncounterStartedV1 = Static<typeof EncounterStartedV1Schema>;

export const ENCOUNTER_STARTED_V1 = defineEvent({
  type: 'revisit.clinical.encounter-started.v1',
  description: 'An inpatient, outpatient or emergency encounter started.',
  schema: EncounterStartedV1Schema,
  aggregate: 'patient',
  subjectPointer: '/patient/enterpriseId',
  producer: 'ingest',
  example: {
    encounterId: 'IP-2026-004512',
    sourceSystem: 'his-main',
    patient: { enterpriseId: 'EP00012345', sourceSystem: 'his-main', localId: 'MRN-884201' },
    orgId: 'org-demo-hospital',
    class: 'inpatient',
    departmentCode: 'cardiology',
    attendingStaffId: 'doc-0108',
    visitType: 'return',
    diagnoses: [{ system: 'ICD-10', code: 'I20.0', role: 'primary' }],
    startedAt: '2026-02-24T08:30:00.000+08:00',
  },
});
