/** Closed set of failure codes raised by libs/messaging; edges (CLI, health, DLQ headers) map them exhaustively. */
export enum MessagingErrorCode {
  UnknownEventType = 'messaging.unknown-event-type',
  SchemaViolation = 'messaging.schema-violation',
  MalformedMessage = 'messaging.malformed-message',
  HandlerFailed = 'messaging.handler-failed',
  MissingHandler = 'messaging.missing-handler',
  DuplicateHandler = 'messaging.duplicate-handler',
  PublishFailed = 'messaging.publish-failed',
  NotConnected = 'messaging.not-connected',
  InvalidArgument = 'messaging.invalid-argument',
}

/** Codes that can never succeed on a later attempt: the message goes straight to the DLQ. */
export const NON_RETRYABLE_CODES: ReadonlySet<MessagingErrorCode> = new Set([
  MessagingErrorCode.UnknownEventType,
  MessagingErrorCode.SchemaViolation,
  MessagingErrorCode.MalformedMessage,
  // A type this consumer group has no handler for: retrying cannot make a handler appear.
  MessagingErrorCode.MissingHandler,
]);

/**
 * Error carrying a closed code. The message must describe the failure without patient data
 * (it ends up in logs and in DLQ headers).
 */
export class MessagingError extends Error {
  constructor(
    readonly code: MessagingErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'MessagingError';
  }
}

export function isMessagingError(error: unknown): error is MessagingError {
  return error instanceof MessagingError;
}
