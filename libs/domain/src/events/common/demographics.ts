import { Type, type Static } from '@sinclair/typebox';
import { CalendarDate, Code, OffsetDateTime, StringEnum } from '../schema-kit';

export const NameSchema = Type.Object(
  {
    representation: StringEnum(['ideographic', 'alphabetic'], {
      description: 'Script of `text`: `ideographic` (汉字) or `alphabetic` (Latin letters).',
    }),
    use: Type.Optional(
      StringEnum(['official', 'usual', 'alias', 'maiden'], { description: 'Which name this is (FHIR NameUse).' }),
    ),
    text: Type.String({ minLength: 1, maxLength: 100, description: 'The whole name as written.' }),
    family: Type.Optional(Type.String({ maxLength: 50, description: 'Family name (surname), when known apart.' })),
    given: Type.Optional(Type.String({ maxLength: 50, description: 'Given name, when known apart.' })),
    pinyin: Type.Optional(
      Type.String({
        maxLength: 200,
        description: 'Hanyu Pinyin of an ideographic name, lower case, syllables separated by spaces.',
      }),
    ),
  },
  { description: "One of the patient's names." },
);

export const IDENTIFIER_TYPES = ['MR', 'PI', 'NI', 'PPN', 'INS', 'MB', 'HC', 'DL', 'OTHER'] as const;

export const IdentifierSchema = Type.Object(
  {
    system: Code('Issuer of the identifier, e.g. `cn-resident-id`, `his-main`, `cn-medical-insurance`.'),
    value: Type.String({ minLength: 1, maxLength: 64, description: 'The identifier value.' }),
    type: StringEnum(IDENTIFIER_TYPES, {
      description:
        'HL7 table 0203 style: `MR` medical record number, `PI` patient internal id, `NI` national id ' +
        '(resident identity card, 居民身份证), `PPN` passport, `INS` medical-insurance card, `MB` member ' +
        'number, `HC` health/visit card (就诊卡), `DL` driving licence, `OTHER`.',
    }),
  },
  { description: 'An identifier the patient holds.' },
);

export const PhoneSchema = Type.Object(
  {
    number: Type.String({
      pattern: '^\\+[1-9][0-9]{6,14}$',
      description: 'E.164 number, e.g. `+8613812345678` (see PhoneNumber in @revisit/domain).',
    }),
    kind: StringEnum(['mobile', 'landline'], { description: 'Mobile phones can also receive SMS.' }),
    use: Type.Optional(
      StringEnum(['primary', 'home', 'work', 'relative'], {
        description: '`relative`: a family member who takes calls for the patient.',
      }),
    ),
  },
  { description: 'A phone number for outreach.' },
);

export const AddressSchema = Type.Object(
  {
    divisionCode: Type.Optional(
      Type.String({ pattern: '^[0-9]{6}$', description: 'Administrative division code (GB/T 2260), 6 digits.' }),
    ),
    province: Type.Optional(Type.String({ maxLength: 50, description: 'Province (省).' })),
    city: Type.Optional(Type.String({ maxLength: 50, description: 'City (市).' })),
    district: Type.Optional(Type.String({ maxLength: 50, description: 'District or county (区/县).' })),
    line: Type.Optional(Type.String({ maxLength: 200, description: 'Street, building and room.' })),
    postalCode: Type.Optional(Type.String({ pattern: '^[0-9]{6}$', description: 'Postal code, 6 digits.' })),
  },
  { description: 'Home address.' },
);

export const DemographicsSchema = Type.Object(
  {
    names: Type.Array(NameSchema, { minItems: 1, description: 'Names; at least one.' }),
    sex: StringEnum(['male', 'female', 'other', 'unknown'], { description: 'Administrative sex.' }),
    birthDate: Type.Optional(CalendarDate('Date of birth.')),
    identifiers: Type.Array(IdentifierSchema, { description: 'Identifiers; may be empty.' }),
    phones: Type.Array(PhoneSchema, { description: 'Phone numbers, most preferred first; may be empty.' }),
    address: Type.Optional(AddressSchema),
    deceased: Type.Boolean({ description: 'True once the patient is known to have died.' }),
    deceasedAt: Type.Optional(OffsetDateTime('Time of death when known.')),
  },
  { description: 'Demographics as known by the source system; a full snapshot, not a diff.' },
);
export type Demographics = Static<typeof DemographicsSchema>;
