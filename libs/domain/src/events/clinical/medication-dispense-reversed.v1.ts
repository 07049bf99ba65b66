import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../catalogue-entry';
import { QuantitySchema } from '../common/coding';
import { PatientRefSchema } from '../common/patient-ref';
import { ExternalId, OffsetDateTime, OrganisationId, StaffId, StringEnum } from '../schema-kit';

export const DISPENSE_REVERSAL_REASONS = [
  'patient-returned',
  'dispensing-error',
  'adverse-reaction',
  'prescription-changed',
  'billing-correction',
  'other',
] as const;

export const MedicationDispenseReversedV1Schema = Type.Object(
  {
    reversalId: ExternalId('Return (退药) record id in the source system.'),
    dispenseId: ExternalId('The dispense being reversed, as in medication-dispensed.'),
    sourceSystem: ExternalId('Source system code; the same as the reversed dispense.'),
    patient: PatientRefSchema,
    orgId: OrganisationId(),
    quantityReturned: QuantitySchema,
    fullReversal: Type.Boolean({ description: 'True when the whole dispensed quantity came back.' }),
    reason: StringEnum(DISPENSE_REVERSAL_REASONS, { description: 'Why the drug was returned.' }),
    reversedByStaffId: Type.Optional(StaffId('Staff member who took the return.')),
    reversedAt: OffsetDateTime('When the return was booked.'),
  },
  { description: 'A dispense was reversed (退药), fully or in part; supply and pending tasks shrink accordingly.' },
);
export type MedicationDispenseReversedV1 = Static<typeof MedicationDispenseReversedV1Schema>;

export const MEDICATION_DISPENSE_REVERSED_V1 = defineEvent({
  type: 'revisit.clinical.medication-dispense-reversed.v1',
  description: 'A dispense was reversed (退药); follow-up based on it must be reduced or cancelled.',
  schema: MedicationDispenseReversedV1Schema,
  aggregate: 'patient',
  subjectPointer: '/patient/enterpriseId',
  producer: 'ingest',
  example: {
    reversalId: 'RT-20260303-0002',
    dispenseId: 'SO-20260302-0017-1',
    sourceSystem: 'pharmacy-erp',
    patient: { enterpriseId: 'EP00012345', sourceSystem: 'pharmacy-erp', localId: 'M-55120' },
    orgId: 'org-demo-pharmacy',
    quantityReturned: { value: 1, unit: 'box' },
    fullReversal: false,
    reason: 'prescription-changed',
    reversedByStaffId: 'staff-0107',
    reversedAt: '2026-03-03T16:40:00.000+08:00',
  },
});
