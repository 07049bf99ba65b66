import { parseRequest } from '@revisit/platform';
import { type Static, Type } from '@sinclair/typebox';
import type { ChannelOutcome, Disposition } from '../channel.port';
import { HTTP_VOICE_ROBOT_PROVIDER } from './http-voice-robot.channel';

const Id = Type.String({ minLength: 1, maxLength: 128, pattern: '^[^\\s]+$' });

export const ROBOT_OUTCOMES = [
  'completed',
  'partial',
  'no-answer',
  'busy',
  'unreachable',
  'wrong-number',
  'line-fault',
] as const;

/** What the robot understood the patient to say beyond the scripted answers (intent detection). */
export const ROBOT_INTENTS = [
  'refuses-follow-up',
  'do-not-contact',
  'moved-away',
  'deceased',
  'changed-therapy',
] as const;

const Answer = Type.Union([
  Type.String({ maxLength: 64 }),
  Type.Array(Type.String({ maxLength: 64 }), { maxItems: 20 }),
  Type.Number(),
  Type.Boolean(),
]);

/** One call's result pushed by the provider to `POST /v1/channels/phone/robot-results`. */
export const RobotCallResultSchema = Type.Object(
  {
    eventId: Id,
    batchId: Id,
    callId: Id,
    callRef: Id,
    outcome: Type.Union(ROBOT_OUTCOMES.map((o) => Type.Literal(o))),
    startedAt: Type.String({ format: 'date-time' }),
    endedAt: Type.String({ format: 'date-time' }),
    rings: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    ringSeconds: Type.Number({ minimum: 0, maximum: 600 }),
    talkSeconds: Type.Number({ minimum: 0, maximum: 86_400 }),
    /** Scripted answers by question code, e.g. `satisfaction: 4`, `takes-medication-as-prescribed: true`. */
    answers: Type.Record(Type.String({ pattern: '^[A-Za-z0-9_.-]{1,64}$' }), Answer, { maxProperties: 100 }),
    intents: Type.Optional(
      Type.Array(Type.Union(ROBOT_INTENTS.map((i) => Type.Literal(i))), { maxItems: 5, uniqueItems: true }),
    ),
    recordingRef: Type.Optional(Id),
    /** The script (话术) the call ran, echoed from the batch; its `-v<N>` suffix is the script's version. */
    scriptId: Type.Optional(Id),
    /** The patient's own words to the script's open question (ASR transcript). Never logged. */
    freeText: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type RobotCallResult = Static<typeof RobotCallResultSchema>;

export function parseRobotCallResult(body: unknown): RobotCallResult {
  return parseRequest(RobotCallResultSchema, body);
}

// Strongest first: a death stops everything, an explicit "do not contact" beats a refusal of follow-up.
const INTENT_DISPOSITIONS: ReadonlyArray<readonly [(typeof ROBOT_INTENTS)[number], Disposition]> = [
  ['deceased', 'deceased'],
  ['do-not-contact', 'do-not-contact'],
  ['refuses-follow-up', 'refused'],
  ['moved-away', 'moved-away'],
  ['changed-therapy', 'changed-therapy'],
];

const OUTCOME_DISPOSITIONS: Readonly<Record<(typeof ROBOT_OUTCOMES)[number], Disposition>> = {
  completed: 'answered',
  // The patient answered and hung up before the end of the script: reached all the same.
  partial: 'answered',
  'no-answer': 'no-answer',
  busy: 'busy',
  unreachable: 'unreachable',
  'wrong-number': 'wrong-number',
  'line-fault': 'line-fault',
};

/** The outcome of a robot call: a detected intent overrides "answered"; answers travel alongside. */
export function outcomeOfRobotCall(result: RobotCallResult): ChannelOutcome {
  const answered = result.outcome === 'completed' || result.outcome === 'partial';
  const intent = answered ? INTENT_DISPOSITIONS.find(([name]) => result.intents?.includes(name)) : undefined;
  return {
    channel: 'phone-robot',
    provider: HTTP_VOICE_ROBOT_PROVIDER,
    providerMessageId: result.callId,
    disposition: intent?.[1] ?? OUTCOME_DISPOSITIONS[result.outcome],
    providerStatus: result.outcome,
    occurredAt: result.endedAt,
    talkSeconds: Math.round(result.talkSeconds),
    ringSeconds: result.ringSeconds,
    reference: result.callRef,
    ...(result.recordingRef === undefined ? {} : { recordingRef: result.recordingRef }),
  };
}

/** The satisfaction score (1-5) when the script asked for one as `satisfaction`. */
export function csatOf(result: RobotCallResult): number | undefined {
  const value = result.answers['satisfaction'];
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5 ? value : undefined;
}
