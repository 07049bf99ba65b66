import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../catalogue-entry';
import { SourceRecordSchema } from '../common/patient-ref';
import { EnterprisePatientId, OffsetDateTime, Ratio, StaffId, StringEnum } from '../schema-kit';

export const PatientLinkedV1Schema = Type.Object(
  {
    enterpriseId: EnterprisePatientId('The enterprise patient the source record is now linked to.'),
    source: SourceRecordSchema,
    matchState: StringEnum(['MATCH', 'POSSIBLE_MATCH'], {
      description:
        '`MATCH`: the record is the same person. `POSSIBLE_MATCH`: linked provisionally, awaiting review ' +
        'in the EMPI work queue; consumers must not merge histories on it.',
    }),
    method: StringEnum(['AUTO', 'MANUAL'], {
      description: '`AUTO`: decided by the matcher. `MANUAL`: decided by a data steward.',
    }),
    score: Type.Optional(Ratio('Matcher score normalised to [0, 1]; absent for manual links made without a run.')),
    linkedByStaffId: Type.Optional(StaffId('The data steward, for manual links.')),
    linkedAt: OffsetDateTime('When the link was made.'),
  },
  { description: 'A source record (system + local id) is cross-referenced to an enterprise id (PIX).' },
);
export type PatientLinkedV1 = Static<typeof PatientLinkedV1Schema>;

export const PATIENT_LINKED_V1 = defineEvent({
  type: 'revisit.patient.linked.v1',
  description: "A source system's patient record was linked to an enterprise patient id.",
  schema: PatientLinkedV1Schema,
  aggregate: 'patient',
  subjectPointer: '/enterpriseId',
  producer: 'ingest',
  example: {
    enterpriseId: 'EP00012345',
    source: { system: 'pharmacy-erp', localId: 'M-55120' },
    matchState: 'MATCH',
    method: 'AUTO',
    score: 0.97,
    linkedAt: '2026-03-02T09:15:01.000+08:00',
  },
});
