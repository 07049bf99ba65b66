import { type Static, Type } from '@sinclair/typebox';

const ClockTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });
const Identifier = Type.String({ minLength: 1, maxLength: 64, pattern: '^[^\\s]+$' });

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const ShiftSchema = Type.Object(
  {
    days: Type.Array(Type.Union(WEEKDAYS.map((day) => Type.Literal(day))), { minItems: 1, uniqueItems: true }),
    /** local wall-clock time in the roster's zone; a shift ending before it starts runs past midnight */
    start: ClockTime,
    end: ClockTime,
    /** how many tasks this agent takes per call slot during this shift */
    capacityPerSlot: Type.Integer({ minimum: 0, maximum: 10_000 }),
  },
  { additionalProperties: false },
);

export const RosterAgentSchema = Type.Object(
  {
    staffId: Identifier,
    /** task queues (the plan's `assignee.queue`) this agent works; absent: every queue */
    queues: Type.Optional(Type.Array(Identifier, { minItems: 1, maxItems: 50, uniqueItems: true })),
    shifts: Type.Array(ShiftSchema, { maxItems: 50 }),
  },
  { additionalProperties: false },
);

/** An organisation's agents, their shifts and capacity: what the dispatcher assigns due tasks against. */
export const RosterSchema = Type.Object(
  {
    timezone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    agents: Type.Array(RosterAgentSchema, { maxItems: 2000 }),
  },
  { additionalProperties: false },
);

export type Shift = Static<typeof ShiftSchema>;
export type RosterAgent = Static<typeof RosterAgentSchema>;
export type Roster = Static<typeof RosterSchema>;

export const DEFAULT_ROSTER_ZONE = 'Asia/Shanghai';
