import { createMessagingMigrations } from '@revisit/messaging';
import { ANALYTICS_SCHEMA } from '../analytics-schema';
import { AnalyticsReadModels1795600000000 } from './read-models.migration';
import { AnalyticsWeeklySummary1795600000001 } from './weekly-summary.migration';
import { AnalyticsCallAudit1795600000002 } from './call-audit.migration';

/** Every migration of the `analytics` schema, in order. Feature migrations are appended here. */
export const ANALYTICS_MIGRATIONS = [
  ...createMessagingMigrations(ANALYTICS_SCHEMA),
  AnalyticsReadModels1795600000000,
  AnalyticsWeeklySummary1795600000001,
  AnalyticsCallAudit1795600000002,
];
