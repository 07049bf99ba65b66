import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../catalogue-entry';
import { DemographicsSchema } from '../common/demographics';
import { SourceRecordSchema } from '../common/patient-ref';
import { EnterprisePatientId, OffsetDateTime, StringEnum } from '../schema-kit';

export const DEMOGRAPHIC_FIELDS = [
  'names',
  'sex',
  'birthDate',
  'identifiers',
  'phones',
  'address',
  'deceased',
] as const;

export const PatientUpdatedV1Schema = Type.Object(
  {
    enterpriseId: EnterprisePatientId(),
    source: SourceRecordSchema,
    demographics: DemographicsSchema,
    changedFields: Type.Array(
      StringEnum(DEMOGRAPHIC_FIELDS, { description: 'A demographics field whose value changed.' }),
      { minItems: 1, uniqueItems: true, description: 'Which fields changed, so consumers can skip the rest.' },
    ),
    updatedAt: OffsetDateTime('When the source system changed the record.'),
  },
  { description: 'A source record of a known patient changed; `demographics` is the new full snapshot.' },
);
export type PatientUpdatedV1 = Static<typeof PatientUpdatedV1Schema>;

export const PATIENT_UPDATED_V1 = defineEvent({
  type: 'revisit.patient.updated.v1',
  description: "A source system changed a patient's demographics (e.g. new phone, deceased flag).",
  schema: PatientUpdatedV1Schema,
  aggregate: 'patient',
  subjectPointer: '/enterpriseId',
  producer: 'ingest',
  example: {
    enterpriseId: 'EP00012345',
    source: { system: 'his-main', localId: 'MRN-884201' },
    demographics: {
      names: [{ representation: 'ideographic', text: '王小明' }],
      sex: 'male',
      birthDate: '1961-04-18',
      identifiers: [{ system: 'his-main', value: 'MRN-884201', type: 'MR' }],
      phones: [{ number: '+8613900139000', kind: 'mobile', use: 'primary' }],
      deceased: false,
    },
    changedFields: ['phones'],
    updatedAt: '2026-03-05T14:02:11.000+08:00',
  },
});
