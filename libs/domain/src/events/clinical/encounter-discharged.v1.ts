import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../catalogue-entry';
import { DiagnosisSchema } from '../common/coding';
import { ChargeSchema } from '../common/charge';
import { PatientRefSchema } from '../common/patient-ref';
import { Code, ExternalId, OffsetDateTime, OrganisationId, StaffId, StringEnum } from '../schema-kit';
import { EncounterClassSchema, VisitTypeSchema } from './visit-type';

export const EncounterDischargedV1Schema = Type.Object(
  {
    encounterId: ExternalId('Visit or admission id in the source system.'),
    sourceSystem: ExternalId('Source system code, e.g. `his-main`.'),
    patient: PatientRefSchema,
    orgId: OrganisationId(),
    class: EncounterClassSchema,
    departmentCode: Code('Discharging department code.'),
    attendingStaffId: StaffId('Attending doctor; follow-up findings are fed back to them.'),
    visitType: Type.Optional(VisitTypeSchema),
    diagnoses: Type.Array(DiagnosisSchema, { minItems: 1, description: 'Discharge diagnoses, principal first.' }),
    admittedAt: OffsetDateTime('Admission or registration time.'),
    dischargedAt: OffsetDateTime('Discharge or visit end time.'),
    charge: Type.Optional(ChargeSchema),
    disposition: Type.Optional(
      StringEnum(['home', 'transfer', 'against-advice', 'deceased', 'other'], {
        description: 'Where the patient went; `deceased` stops all follow-up.',
      }),
    ),
  },
  { description: 'A patient was discharged or an outpatient/emergency visit ended.' },
);
export type EncounterDischargedV1 = Static<typeof EncounterDischargedV1Schema>;

export const ENCOUNTER_DISCHARGED_V1 = defineEvent({
  type: 'revisit.clinical.encounter-discharged.v1',
  description: 'An encounter ended; drives post-discharge and post-visit follow-up.',
  schema: EncounterDischargedV1Schema,
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
    diagnoses: [
      { system: 'ICD-10', code: 'I20.0', role: 'primary' },
      { system: 'ICD-10', code: 'I10', role: 'secondary' },
    ],
    admittedAt: '2026-02-24T08:30:00.000+08:00',
    dischargedAt: '2026-03-02T10:00:00.000+08:00',
    disposition: 'home',
  },
});
