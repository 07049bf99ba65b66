import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../catalogue-entry';
import { SourceRecordSchema } from '../common/patient-ref';
import { Code, EnterprisePatientId, OffsetDateTime, StaffId } from '../schema-kit';

export const PatientUnmergedV1Schema = Type.Object(
  {
    survivingEnterpriseId: EnterprisePatientId(
      'The id that had survived the merge; the event subject, so the unmerge is ordered after the merge.',
    ),
    restoredEnterpriseId: EnterprisePatientId('The previously retired id, active again.'),
    movedSourceRecords: Type.Array(SourceRecordSchema, {
      minItems: 1,
      description: 'Source records that move back to the restored id.',
    }),
    reasonCode: Type.Optional(Code('Why the merge was undone, from the EMPI reason list, e.g. `wrong-match`.')),
    unmergedByStaffId: StaffId('The data steward who undid the merge.'),
    unmergedAt: OffsetDateTime('When the unmerge took effect.'),
  },
  { description: 'A merge was undone; the listed source records belong to the restored id again.' },
);
export type PatientUnmergedV1 = Static<typeof PatientUnmergedV1Schema>;

export const PATIENT_UNMERGED_V1 = defineEvent({
  type: 'revisit.patient.unmerged.v1',
  description: 'A previous merge of two enterprise patients was undone.',
  schema: PatientUnmergedV1Schema,
  aggregate: 'patient',
  subjectPointer: '/survivingEnterpriseId',
  producer: 'ingest',
  example: {
    survivingEnterpriseId: 'EP00012345',
    restoredEnterpriseId: 'EP00019876',
    movedSourceRecords: [{ system: 'dental-pms', localId: 'D-2231' }],
    reasonCode: 'wrong-match',
    unmergedByStaffId: 'staff-0042',
    unmergedAt: '2026-03-07T11:20:00.000+08:00',
  },
});
