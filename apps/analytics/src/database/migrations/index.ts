import { createMessagingMigrations } from '@revisit/messaging';
import { ANALYTICS_SCHEMA } from '../analytics-schema';

/** Every migration of the `analytics` schema, in order. Feature migrations are appended here. */
export const ANALYTICS_MIGRATIONS = [...createMessagingMigrations(ANALYTICS_SCHEMA)];
