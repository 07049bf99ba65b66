import { ATTEMPT_DISPOSITIONS } from '@revisit/domain';
import { Type } from '@sinclair/typebox';

const HHMM = '^([01][0-9]|2[0-3]):[0-5][0-9]$';
const Code = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' });
const Instant = Type.String({ format: 'date-time' });

export const TaskIdParam = Type.String({ format: 'uuid' });

export const WorklistQuery = Type.Object(
  {
    slot: Type.Optional(Type.String({ pattern: HHMM })),
    limit: Type.Optional(Type.String({ pattern: '^(?:[1-9][0-9]?|100)$' })),
  },
  { additionalProperties: false },
);

export const AttemptBody = Type.Object(
  {
    disposition: Type.Union(ATTEMPT_DISPOSITIONS.map((d) => Type.Literal(d))),
    startedAt: Instant,
    endedAt: Instant,
    talkSeconds: Type.Integer({ minimum: 0, maximum: 86400 }),
    recordingRef: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    notes: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

const Answer = Type.Union([
  Type.String({ maxLength: 64 }),
  Type.Array(Type.String({ maxLength: 64 }), { maxItems: 50 }),
  Type.Number(),
  Type.Boolean(),
]);

export const CompleteBody = Type.Object(
  {
    returnVisitBooked: Type.Boolean(),
    survey: Type.Optional(
      Type.Object(
        {
          surveyId: Code,
          surveyVersion: Type.Integer({ minimum: 1 }),
          csat: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
          nps: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
          answers: Type.Record(Type.String({ pattern: '^[A-Za-z0-9_.-]{1,64}$' }), Answer),
          freeText: Type.Optional(Type.String({ maxLength: 2000 })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const RescheduleBody = Type.Object(
  {
    dueAt: Instant,
    reason: Type.Union(['patient-requested', 'staff-capacity', 'other'].map((r) => Type.Literal(r))),
  },
  { additionalProperties: false },
);

export const HandoverBody = Type.Object(
  {
    reason: Type.Union([Type.Literal('discomfort'), Type.Literal('complaint')]),
    doctorStaffId: Type.Optional(Code),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
