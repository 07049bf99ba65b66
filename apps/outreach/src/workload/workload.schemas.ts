import { Type } from '@sinclair/typebox';

const LocalDate = Type.String({ format: 'date', description: "A day in the organisation's zone, YYYY-MM-DD." });

export const WorkloadQuery = Type.Object(
  {
    from: LocalDate,
    to: LocalDate,
    agentId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[^\\s]+$' })),
  },
  { additionalProperties: false },
);
