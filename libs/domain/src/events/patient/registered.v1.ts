import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../catalogue-entry';
import { DemographicsSchema } from '../common/demographics';
import { SourceRecordSchema } from '../common/patient-ref';
import { EnterprisePatientId, OffsetDateTime } from '../schema-kit';

export const PatientRegisteredV1Schema = Type.Object(
  {
    enterpriseId: EnterprisePatientId('The new enterprise patient id.'),
    source: SourceRecordSchema,
    demographics: DemographicsSchema,
    registeredAt: OffsetDateTime('When the EMPI created the enterprise id.'),
  },
  { description: 'A patient not seen before got an enterprise id; the source record that created it.' },
);
export type PatientRegisteredV1 = Static<typeof PatientRegisteredV1Schema>;

export const PATIENT_REGISTERED_V1 = defineEvent({
  type: 'revisit.patient.registered.v1',
  description: 'The EMPI created a new enterprise patient from a source record that matched nobody.',
  schema: PatientRegisteredV1Schema,
  aggregate: 'patient',
  subjectPointer: '/enterpriseId',
  producer: 'ingest',
  example: {
    enterpriseId: 'EP00012345',
    source: { system: 'his-main', localId: 'MRN-884201' },
    demographics: {
      names: [
        {
          representation: 'ideographic',
          use: 'official',
          text: '王小明',
          family: '王',
          given: '小明',
          pinyin: 'wang xiao ming',
        },
      ],
      sex: 'male',
      birthDate: '1961-04-18',
      identifiers: [
        { system: 'his-main', value: 'MRN-884201', type: 'MR' },
        { system: 'cn-resident-id', value: '11010519491231002X', type: 'NI' },
      ],
      phones: [{ number: '+8613800138000', kind: 'mobile', use: 'primary' }],
      address: { divisionCode: '110105', province: '北京市', city: '北京市', district: '朝阳区' },
      deceased: false,
    },
    registeredAt: '2026-03-02T09:15:00.000+08:00',
  },
});
