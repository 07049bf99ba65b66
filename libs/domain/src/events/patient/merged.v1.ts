import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../catalogue-entry';
import { SourceRecordSchema } from '../common/patient-ref';
import { EnterprisePatientId, OffsetDateTime, StaffId, StringEnum } from '../schema-kit';

export const PatientMergedV1Schema = Type.Object(
  {
    survivingEnterpriseId: EnterprisePatientId('The enterprise id that remains; the event subject.'),
    retiredEnterpriseId: EnterprisePatientId('The enterprise id that was folded into the surviving one.'),
    movedSourceRecords: Type.Array(SourceRecordSchema, {
      minItems: 1,
      description: 'Source records that moved from the retired to the surviving id.',
    }),
    method: StringEnum(['AUTO', 'MANUAL'], { description: 'Decided by the matcher or by a data steward.' }),
    mergedByStaffId: Type.Optional(StaffId('The data steward, for manual merges.')),
    mergedAt: OffsetDateTime('When the merge took effect.'),
  },
  {
    description:
      'Two enterprise ids turned out to be one person. Consumers re-key whatever they hold under the ' +
      'retired id to the surviving id.',
  },
);
export type PatientMergedV1 = Static<typeof PatientMergedV1Schema>;

export const PATIENT_MERGED_V1 = defineEvent({
  type: 'revisit.patient.merged.v1',
  description: 'Two enterprise patients were merged; the retired id must no longer be used.',
  schema: PatientMergedV1Schema,
  aggregate: 'patient',
  subjectPointer: '/survivingEnterpriseId',
  producer: 'ingest',
  example: {
    survivingEnterpriseId: 'EP00012345',
    retiredEnterpriseId: 'EP00019876',
    movedSourceRecords: [{ system: 'dental-pms', localId: 'D-2231' }],
    method: 'MANUAL',
    mergedByStaffId: 'staff-0042',
    mergedAt: '2026-03-06T10:00:00.000+08:00',
  },
});
