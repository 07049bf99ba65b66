import { Type } from '@sinclair/typebox';

const Code = Type.String({ minLength: 1, maxLength: 64, pattern: '^[^\\s]+$' });

/** A staff id; `*` is reserved for the organisation's default rate row. */
export const AgentIdParam = Type.String({ minLength: 1, maxLength: 64, pattern: '^(?!\\*$)[^\\s]+$' });
export const CallIdParam = Type.String({ format: 'uuid' });

export const SamplingRateBody = Type.Object(
  { rate: Type.Number({ minimum: 0, maximum: 1, multipleOf: 0.0001 }), orgId: Type.Optional(Code) },
  { additionalProperties: false },
);

export const SamplingQuery = Type.Object({ orgId: Type.Optional(Code) }, { additionalProperties: false });

export const AuditQueueQuery = Type.Object(
  {
    status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('scored')])),
    agentId: Type.Optional(Code),
    limit: Type.Optional(Type.String({ pattern: '^(?:[1-9][0-9]?|1[0-9][0-9]|200)$' })),
  },
  { additionalProperties: false },
);

export const ScoreBody = Type.Object(
  {
    /** Each criterion of the organisation's checklist, e.g. greeting, identity check, script, empathy. */
    criteria: Type.Array(
      Type.Object(
        {
          code: Code,
          score: Type.Integer({ minimum: 0, maximum: 100 }),
          maxScore: Type.Integer({ minimum: 1, maximum: 100 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 30 },
    ),
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
