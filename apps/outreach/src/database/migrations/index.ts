import { createMessagingMigrations } from '@revisit/messaging';
import { OUTREACH_SCHEMA } from '../outreach-schema';
import { OutreachTasks1795700000000 } from './outreach-tasks.migration';

/** Every migration of the `outreach` schema, in order. Feature migrations are appended here. */
export const OUTREACH_MIGRATIONS = [...createMessagingMigrations(OUTREACH_SCHEMA), OutreachTasks1795700000000];
