import { Type } from '@sinclair/typebox';

export const PatientIdParam = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' });

/** Tags agents set by hand; DND and the stop flags are derived from the contact preferences instead. */
export const MANUAL_TAGS = ['important'] as const;

export const TagsBody = Type.Object(
  { tags: Type.Array(Type.Union(MANUAL_TAGS.map((t) => Type.Literal(t))), { maxItems: 10, uniqueItems: true }) },
  { additionalProperties: false },
);

export const SpecialDateBody = Type.Object(
  {
    kind: Type.Union([Type.Literal('birthday'), Type.Literal('anniversary')]),
    /** `MM-DD`, or `YYYY-MM-DD` when the year is known. */
    date: Type.String({ pattern: '^([0-9]{4}-)?(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' }),
    label: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false },
);

export const REFERRAL_RELATIONS = [
  'spouse',
  'parent',
  'child',
  'sibling',
  'relative',
  'friend',
  'colleague',
  'neighbour',
  'other',
] as const;

export const ReferralBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 50 }),
    phone: Type.String({ minLength: 5, maxLength: 30 }),
    relation: Type.Union(REFERRAL_RELATIONS.map((r) => Type.Literal(r))),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
