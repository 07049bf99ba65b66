import { createMessagingMigrations } from '@revisit/messaging';
import { OUTREACH_SCHEMA } from '../outreach-schema';

/** Every migration of the `outreach` schema, in order. Feature migrations are appended here. */
export const OUTREACH_MIGRATIONS = [...createMessagingMigrations(OUTREACH_SCHEMA)];
