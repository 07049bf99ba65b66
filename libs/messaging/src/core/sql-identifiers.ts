import { MessagingError, MessagingErrorCode } from './messaging.errors';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Schema names are interpolated into SQL, so only plain lower-case identifiers are accepted. */
export function assertSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) {
    throw new MessagingError(MessagingErrorCode.InvalidArgument, `invalid schema name for messaging tables`);
  }
  return schema;
}

export interface MessagingTables {
  schema: string;
  outbox: string;
  inbox: string;
  /** LISTEN/NOTIFY channel the outbox uses to wake its relay. */
  channel: string;
  /** Key of the advisory lock that lets one relay replica publish at a time. */
  relayLockKey: string;
}

export function messagingTables(schema: string): MessagingTables {
  assertSchemaName(schema);
  return {
    schema,
    outbox: `"${schema}"."outbox"`,
    inbox: `"${schema}"."inbox"`,
    channel: `${schema}_outbox`,
    relayLockKey: `revisit.outbox-relay.${schema}`,
  };
}
