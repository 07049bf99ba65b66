import { type EventCatalogue } from '../core/event-catalogue.port';
import { type EventEnvelope } from '../core/event-envelope';
import { MessagingError, MessagingErrorCode } from '../core/messaging.errors';
import { baseTopicOf } from '../core/topics';
import { type ConsumedMessage } from '../kafka/message-transport.port';
import { type EventHandlerFn, type HandlerRegistry } from '../registry/handler-registry';

export type DecodedMessage =
  | { ok: true; message: ConsumedMessage; envelope: EventEnvelope; handler: EventHandlerFn }
  | { ok: false; message: ConsumedMessage; error: MessagingError };

/**
 * Turns a Kafka record into a validated envelope and its handler, or a non-retryable error: such
 * a message is dead-lettered at once instead of blocking its partition.
 */
export function decodeMessage(
  message: ConsumedMessage,
  catalogue: EventCatalogue,
  registry: HandlerRegistry,
): DecodedMessage {
  const fail = (code: MessagingErrorCode, text: string): DecodedMessage => ({
    ok: false,
    message,
    error: new MessagingError(code, text),
  });
  if (message.value === null) return fail(MessagingErrorCode.MalformedMessage, 'message has no value');
  let parsed: unknown;
  try {
    parsed = JSON.parse(message.value);
  } catch {
    return fail(MessagingErrorCode.MalformedMessage, 'message value is not JSON');
  }
  const validation = catalogue.validate(parsed);
  if (!validation.ok) return fail(validation.code, validation.detail);
  const { envelope } = validation;
  if (catalogue.topicOf(envelope.type) !== baseTopicOf(message.topic)) {
    return fail(MessagingErrorCode.MalformedMessage, `event type ${envelope.type} does not belong on this topic`);
  }
  const handler = registry.resolve(envelope.type);
  if (!handler) return fail(MessagingErrorCode.MissingHandler, `no handler for event type ${envelope.type}`);
  return { ok: true, message, envelope, handler };
}
