import { Type, type Static } from '@sinclair/typebox';
import { EnterprisePatientId, ExternalId } from '../schema-kit';

export const SourceRecordSchema = Type.Object(
  {
    system: ExternalId('Source system code as registered in Revisit, e.g. `his-main`, `pharmacy-erp`.'),
    localId: ExternalId("The patient's identifier inside that source system (PIX local id)."),
  },
  { description: 'A patient record in one source system.' },
);
export type SourceRecord = Static<typeof SourceRecordSchema>;

export const PatientRefSchema = Type.Object(
  {
    enterpriseId: EnterprisePatientId(),
    sourceSystem: Type.Optional(ExternalId('Source system the clinical record came from.')),
    localId: Type.Optional(ExternalId("The patient's id in the source system, kept for traceability.")),
  },
  { description: 'The patient a clinical or scheduling fact is about.' },
);
export type PatientRef = Static<typeof PatientRefSchema>;
