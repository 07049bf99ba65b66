import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../catalogue-entry';
import { CodingSchema } from '../common/coding';
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
import { VisitTypeSchema } from './visit-type';

/** Categories the built-in follow-up templates key on (see docs/domain/README.md §2 and §4). */
export const PROCEDURE_CATEGORIES = [
  'dental-extraction',
  'dental-root-canal-treatment',
  'dental-root-canal-filling',
  'dental-pulp-opening',
  'dental-canal-enlargement',
  'dental-implant',
  'dental-orthodontic-fitting',
  'dental-orthodontic-adjustment',
  'dental-orthodontic-retainer',
  'dental-scaling',
  'dental-denture-fitting',
  'tcm-prescription',
  'infusion',
  'other',
] as const;

export const ProcedurePerformedV1Schema = Type.Object(
  {
    procedureId: ExternalId('Procedure record id in the source system.'),
    sourceSystem: ExternalId('Source system code, e.g. `dental-pms`, `tcm-his`.'),
    patient: PatientRefSchema,
    orgId: OrganisationId(),
    procedure: CodingSchema,
    category: StringEnum(PROCEDURE_CATEGORIES, {
      description:
        'Follow-up category: dental extraction, root-canal treatment/filling, pulp opening, canal enlargement, ' +
        'implant, orthodontic first fitting/adjustment/retainer, scaling, denture fitting, TCM prescription ' +
        '(中药处方), infusion, other.',
    }),
    performerStaffId: StaffId('Doctor who performed the procedure; follow-up outcomes are fed back to them.'),
    departmentCode: Code('Department code.'),
    encounterId: Type.Optional(ExternalId('Encounter the procedure belongs to.')),
    performedAt: OffsetDateTime('When the procedure ended.'),
    charge: Type.Optional(ChargeSchema),
    visitType: Type.Optional(VisitTypeSchema),
    dental: Type.Optional(
      Type.Object(
        {
          teeth: Type.Optional(
            Type.Array(Type.String({ pattern: '^[1-8][1-8]$', description: 'Tooth in FDI two-digit notation.' }), {
              description: 'Teeth treated.',
            }),
          ),
          prosthesisPlanned: Type.Optional(
            Type.Boolean({ description: 'Extraction after which a denture or implant is needed (call at ~2 months).' }),
          ),
          restored: Type.Optional(
            Type.Boolean({ description: 'Root-canal treatment: whether the tooth was restored at the same visit.' }),
          ),
          dentureKind: Type.Optional(StringEnum(['removable', 'fixed'], { description: 'Denture type.' })),
          firstFitting: Type.Optional(
            Type.Boolean({ description: 'First fitting of a denture or orthodontic appliance.' }),
          ),
        },
        { description: 'Dental details the follow-up rules need.' },
      ),
    ),
    tcm: Type.Optional(
      Type.Object(
        {
          prescriptionDays: PositiveInteger('Prescription length in days, e.g. 7, 14, 21, 30, 45, 60.'),
          prescriptionStartDate: CalendarDate('Day 1 of the prescription.'),
        },
        { description: 'TCM prescription details; with `visitType` they select the TCM call schedule.' },
      ),
    ),
  },
  {
    description: 'A clinical procedure or a TCM prescription was completed for a patient.',
    // The TCM call schedule depends on prescription length and first/return visit, so both are required.
    if: { properties: { category: { const: 'tcm-prescription' } } },
    then: { required: ['tcm', 'visitType'], properties: { tcm: true, visitType: true } },
  },
);
export type ProcedurePerformedV1 = Static<typeof ProcedurePerformedV1Schema>;

export const PROCEDURE_PERFORMED_V1 = defineEvent({
  type: 'revisit.clinical.procedure-performed.v1',
  description: 'A procedure (dental, TCM prescription, infusion, ...) was performed; drives post-procedure calls.',
  schema: ProcedurePerformedV1Schema,
  aggregate: 'patient',
  subjectPointer: '/patient/enterpriseId',
  producer: 'ingest',
  example: {
    procedureId: 'PR-7781',
    sourceSystem: 'dental-pms',
    patient: { enterpriseId: 'EP00012345', sourceSystem: 'dental-pms', localId: 'D-2231' },
    orgId: 'org-demo-dental',
    procedure: { system: 'urn:revisit:dental-pms:procedure', code: 'EXT-01', display: '拔牙' },
    category: 'dental-extraction',
    performerStaffId: 'doc-0021',
    departmentCode: 'oral-surgery',
    performedAt: '2026-03-02T09:40:00.000+08:00',
    visitType: 'first',
    dental: { teeth: ['38'], prosthesisPlanned: false },
  },
});
