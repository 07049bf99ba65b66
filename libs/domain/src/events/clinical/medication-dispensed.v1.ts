import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../catalogue-entry';
import { CodingSchema, QuantitySchema } from '../common/coding';
import { ChargeSchema } from '../common/charge';
import { PatientRefSchema } from '../common/patient-ref';
import {
  CalendarDate,
  Code,
  ExternalId,
  OffsetDateTime,
  OrganisationId,
  PositiveInteger,
  StaffId,
  StringEnum,
} from '../schema-kit';

export const StructuredDoseSchema = Type.Object(
  {
    dose: QuantitySchema,
    frequency: Type.Object(
      {
        count: PositiveInteger('How many doses per period, e.g. 2 for BID.'),
        period: Type.Number({ exclusiveMinimum: 0, description: 'Length of the period.' }),
        periodUnit: StringEnum(['h', 'd', 'wk'], { description: 'Unit of the period (UCUM): hours, days, weeks.' }),
      },
      { description: 'Dosing frequency as count per period: BID = 2 per 1 d, q8h = 1 per 8 h.' },
    ),
    route: Type.Optional(Code('Route code, e.g. `PO` (oral).')),
    asNeeded: Type.Optional(Type.Boolean({ description: 'PRN: taken only when needed, so no fixed supply.' })),
  },
  { description: 'The sig as structured data, exactly as the sender supplied it (never guessed from the text).' },
);

export const MedicationDispensedV1Schema = Type.Object(
  {
    dispenseId: ExternalId('Dispense (sale line) id in the source system; unique per source system.'),
    sourceSystem: ExternalId('Source system code, e.g. `pharmacy-erp`.'),
    patient: PatientRefSchema,
    orgId: OrganisationId(),
    storeId: Type.Optional(ExternalId('Store or pharmacy site id (门店).')),
    departmentCode: Type.Optional(Code('Dispensing department code.')),
    dispenserStaffId: Type.Optional(StaffId('Staff member who dispensed.')),
    drug: Type.Object(
      {
        code: Code('Drug code in `system`.'),
        system: Type.String({ minLength: 1, maxLength: 200, description: 'Drug code system, e.g. the ERP item list.' }),
        name: Type.String({ minLength: 1, maxLength: 200, description: 'Drug name as the source labels it.' }),
        classCodes: Type.Array(CodingSchema, {
          description: 'Drug classes (e.g. ATC `C09AA`, local chronic-disease classes) that follow-up rules key on.',
        }),
      },
      { description: 'What was dispensed.' },
    ),
    quantity: QuantitySchema,
    packSize: Type.Optional(
      Type.Object(
        {
          value: Type.Number({ exclusiveMinimum: 0, description: 'Units per pack.' }),
          unit: Code('Unit inside the pack.'),
        },
        { description: 'Contents of one dispensed unit, e.g. 28 tablets per box; needed to compute days of supply.' },
      ),
    ),
    sig: Type.Optional(
      Type.Object(
        {
          text: Type.String({ maxLength: 500, description: 'Usage instruction as written, e.g. `每日2次，每次1片`.' }),
          structured: Type.Optional(StructuredDoseSchema),
        },
        { description: 'Usage instruction (sig).' },
      ),
    ),
    daysSupply: Type.Optional(PositiveInteger('Days of supply, only when the sender stated it.')),
    dispensedAt: OffsetDateTime('When the drug was handed over; the start of the follow-up clock.'),
    charge: Type.Optional(ChargeSchema),
    prescription: Type.Optional(
      Type.Object(
        {
          prescriptionId: Type.Optional(ExternalId('Prescription id in the source system.')),
          startDate: Type.Optional(CalendarDate('Date the prescription starts.')),
          prescriberStaffId: Type.Optional(StaffId('Prescribing doctor.')),
        },
        { description: 'The prescription behind the dispense, when there is one.' },
      ),
    ),
  },
  { description: 'A drug was dispensed or sold to a patient.' },
);
export type MedicationDispensedV1 = Static<typeof MedicationDispensedV1Schema>;

export const MEDICATION_DISPENSED_V1 = defineEvent({
  type: 'revisit.clinical.medication-dispensed.v1',
  description: 'A drug was dispensed to a patient; drives medication follow-up and refill reminders.',
  schema: MedicationDispensedV1Schema,
  aggregate: 'patient',
  subjectPointer: '/patient/enterpriseId',
  producer: 'ingest',
  example: {
    dispenseId: 'SO-20260302-0017-1',
    sourceSystem: 'pharmacy-erp',
    patient: { enterpriseId: 'EP00012345', sourceSystem: 'pharmacy-erp', localId: 'M-55120' },
    orgId: 'org-demo-pharmacy',
    storeId: 'store-012',
    dispenserStaffId: 'staff-0107',
    drug: {
      code: '86900123000012',
      system: 'urn:revisit:pharmacy-erp:item',
      name: '缬沙坦胶囊 80mg',
      classCodes: [
        { system: 'ATC', code: 'C09CA03', display: 'valsartan' },
        { system: 'urn:revisit:drug-class', code: 'hypertension' },
      ],
    },
    quantity: { value: 2, unit: 'box' },
    packSize: { value: 28, unit: 'capsule' },
    sig: {
      text: '每日1次，每次1粒',
      structured: {
        dose: { value: 1, unit: 'capsule' },
        frequency: { count: 1, period: 1, periodUnit: 'd' },
        route: 'PO',
      },
    },
    dispensedAt: '2026-03-02T10:12:00.000+08:00',
    prescription: { prescriptionId: 'RX-99812', startDate: '2026-03-02', prescriberStaffId: 'doc-0311' },
  },
});
