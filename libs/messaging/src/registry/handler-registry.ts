import { type EventEnvelope as DomainEventEnvelope, type EventType } from '@revisit/domain';
import { type EntityManager } from 'typeorm';
import { type EventEnvelope } from '../core/event-envelope';
import { MessagingError, MessagingErrorCode } from '../core/messaging.errors';

export interface DeliveryInfo {
  topic: string;
  partition: number;
  offset: string;
  /** 1 for the first try; grows with in-process retries and retry-topic hops. */
  attempt: number;
}

/** Everything a handler may use: only this manager may touch the database (same transaction as the inbox row). */
export interface HandlerContext {
  manager: EntityManager;
  delivery: DeliveryInfo;
}

export type EventHandlerFn = (envelope: EventEnvelope, context: HandlerContext) => Promise<void>;

interface Registration {
  handler: EventHandlerFn;
  /** Provider and method, for boot errors that tell the developer where to look. */
  owner: string;
}

/**
 * Maps event types to exactly one handler. Registrations are collected first and checked in one go
 * so a boot error lists every problem at once.
 */
export class HandlerRegistry {
  private readonly registrations = new Map<string, Registration[]>();

  register(type: string, handler: EventHandlerFn, owner: string): void {
    const list = this.registrations.get(type) ?? [];
    list.push({ handler, owner });
    this.registrations.set(type, list);
  }

  resolve(type: string): EventHandlerFn | undefined {
    const list = this.registrations.get(type);
    return list?.length === 1 ? list[0].handler : undefined;
  }

  registeredTypes(): string[] {
    return [...this.registrations.keys()];
  }

  /** Throws unless every subscribed type has exactly one handler. */
  assertComplete(subscriptions: readonly string[]): void {
    const problems: string[] = [];
    let code = MessagingErrorCode.MissingHandler;
    for (const type of subscriptions) {
      const owners = (this.registrations.get(type) ?? []).map((registration) => registration.owner);
      if (owners.length === 0) problems.push(`no @EventHandler for subscribed event type "${type}"`);
      if (owners.length > 1) {
        code = MessagingErrorCode.DuplicateHandler;
        problems.push(`event type "${type}" has ${owners.length} handlers: ${owners.join(', ')}`);
      }
    }
    const subscribed = new Set(subscriptions);
    for (const [type, list] of this.registrations) {
      if (!subscribed.has(type)) {
        problems.push(
          `handler ${list.map((r) => r.owner).join(', ')} for "${type}" but the type is not in subscriptions`,
        );
      }
    }
    if (problems.length > 0) {
      throw new MessagingError(code, `messaging handler registry is invalid:\n- ${problems.join('\n- ')}`);
    }
  }
}

/**
 * Shape of a handler method for a catalogued event, so its payload is type-checked against the
 * catalogue: `@EventHandler(T) async on(event: EventEnvelope<typeof T>, { manager }: HandlerContext)`.
 */
export type DomainEventHandler<T extends EventType> = (
  event: DomainEventEnvelope<T>,
  context: HandlerContext,
) => Promise<void>;
