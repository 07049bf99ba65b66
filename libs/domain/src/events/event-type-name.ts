import { EventContractError, EventErrorCode } from './event.errors';

/** Bounded contexts that own events. A new context is a deliberate change to the public contract. */
export const EVENT_CONTEXTS = ['patient', 'clinical', 'appointment', 'followup', 'outreach', 'analytics'] as const;
export type EventContext = (typeof EVENT_CONTEXTS)[number];

/** `revisit.<context>.<event-name>.v<N>`: kebab-case event name, positive version without leading zero. */
export const EVENT_TYPE_PATTERN = new RegExp(
  `^revisit\\.(${EVENT_CONTEXTS.join('|')})\\.([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\\.v([1-9][0-9]*)$`,
);

export type EventTypeName = `revisit.${EventContext}.${string}.v${number}`;

export interface ParsedEventType {
  readonly context: EventContext;
  readonly eventName: string;
  readonly version: number;
  /** The type without its version suffix, e.g. `revisit.patient.registered`: the same event across versions. */
  readonly family: string;
}

export function parseEventType(type: string): ParsedEventType | undefined {
  const match = EVENT_TYPE_PATTERN.exec(type);
  if (!match) return undefined;
  const [, context, eventName, version] = match as unknown as [string, EventContext, string, string];
  return { context, eventName, version: Number(version), family: `revisit.${context}.${eventName}` };
}

export function parseEventTypeOrThrow(type: string): ParsedEventType {
  const parsed = parseEventType(type);
  if (!parsed) {
    throw new EventContractError(
      EventErrorCode.InvalidTypeName,
      `event type "${type}" does not match revisit.<context>.<kebab-event-name>.v<N>`,
    );
  }
  return parsed;
}
