import { parseRequest } from '@revisit/platform';
import { type Static, Type } from '@sinclair/typebox';
import type { ChannelOutcome } from '../channel.port';
import { dispositionOfCall, HANGUP_CAUSES } from './hangup-causes';
import { HTTP_CTI_PROVIDER } from './http-cti.channel';
import { type RingPolicy, TCM_RING_POLICY } from './ring-policy';

const Id = Type.String({ minLength: 1, maxLength: 128, pattern: '^[^\\s]+$' });

/** A call event pushed by the CTI to `POST /v1/channels/phone/cti-events` (generic protocol). */
export const CtiCallEventSchema = Type.Object(
  {
    eventId: Id,
    callId: Id,
    type: Type.Union([Type.Literal('ringing'), Type.Literal('answered'), Type.Literal('ended')]),
    occurredAt: Type.String({ format: 'date-time' }),
    reference: Type.Optional(Id),
    /** Set on `ended`. */
    answered: Type.Optional(Type.Boolean()),
    rings: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    ringSeconds: Type.Optional(Type.Number({ minimum: 0, maximum: 600 })),
    talkSeconds: Type.Optional(Type.Number({ minimum: 0, maximum: 86_400 })),
    hangupCause: Type.Optional(Type.Union(HANGUP_CAUSES.map((cause) => Type.Literal(cause)))),
    hangupBy: Type.Optional(Type.Union([Type.Literal('agent'), Type.Literal('patient'), Type.Literal('network')])),
    recordingRef: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type CtiCallEvent = Static<typeof CtiCallEventSchema>;

/** Validates a pushed event (RequestValidationError, a 400, when it does not fit). */
export function parseCtiCallEvent(body: unknown): CtiCallEvent {
  return parseRequest(CtiCallEventSchema, body);
}

/**
 * The outcome an `ended` event means; `ringing` and `answered` are progress only (shown live to the agent)
 * and produce none. An `ended` event without a cause is read as a normal hang-up.
 */
export function outcomeOfCtiEvent(
  event: CtiCallEvent,
  policy: RingPolicy = TCM_RING_POLICY,
): ChannelOutcome | undefined {
  if (event.type !== 'ended') return undefined;
  const talkSeconds = Math.round(event.talkSeconds ?? 0);
  const ringSeconds = event.ringSeconds ?? 0;
  const answered = event.answered ?? talkSeconds > 0;
  const hangupCause = event.hangupCause ?? 'NORMAL_CLEARING';
  return {
    channel: 'phone-agent',
    provider: HTTP_CTI_PROVIDER,
    providerMessageId: event.callId,
    disposition: dispositionOfCall({ answered, hangupCause, ringSeconds, rings: event.rings }, policy),
    providerStatus: hangupCause,
    occurredAt: event.occurredAt,
    talkSeconds,
    ringSeconds,
    ...(event.recordingRef === undefined ? {} : { recordingRef: event.recordingRef }),
    ...(event.reference === undefined ? {} : { reference: event.reference }),
  };
}
