import { Type, type Static } from '@sinclair/typebox';
import { Code, StringEnum } from '../schema-kit';

/** A code from a named code system (FHIR Coding without version). */
export const CodingSchema = Type.Object(
  {
    system: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'Code system URI or registered short name, e.g. `ICD-10`, `ATC`, `urn:revisit:his:drug`.',
    }),
    code: Code('The code within the system.'),
    display: Type.Optional(
      Type.String({ maxLength: 200, description: "The code system's label for the code, for display only." }),
    ),
  },
  { description: 'A coded concept.' },
);
export type Coding = Static<typeof CodingSchema>;

/** ICD-10 with optional Chinese clinical extension digits, e.g. `I10`, `E11.9`, `I10.x00x002`. */
export const DiagnosisSchema = Type.Object(
  {
    system: StringEnum(['ICD-10', 'ICD-10-CN'], {
      description: '`ICD-10` (WHO) or `ICD-10-CN` (the national clinical edition, 国家临床版).',
    }),
    code: Type.String({
      pattern: '^[A-Z][0-9][0-9A-Z](\\.[0-9A-Za-z]{1,10})?$',
      description: 'The ICD-10 code.',
    }),
    role: Type.Optional(
      StringEnum(['primary', 'secondary'], { description: 'Principal (primary) or other diagnosis.' }),
    ),
  },
  { description: 'A diagnosis coded in ICD-10.' },
);
export type Diagnosis = Static<typeof DiagnosisSchema>;

export const QuantitySchema = Type.Object(
  {
    value: Type.Number({ exclusiveMinimum: 0, description: 'Amount; always positive.' }),
    unit: Code('Unit code: UCUM where one exists (`mg`, `mL`), otherwise the dispensing unit (`tablet`, `box`).'),
  },
  { description: 'An amount with its unit.' },
);
export type Quantity = Static<typeof QuantitySchema>;
