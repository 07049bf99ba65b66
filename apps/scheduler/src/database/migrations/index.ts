import { createMessagingMigrations } from '@revisit/messaging';
import { SCHEDULER_SCHEMA } from '../scheduler-schema';
import { AgentRosters1795900000000 } from './agent-rosters.migration';
import { FollowUpTasks1795500000000 } from './follow-up-tasks.migration';
import { PatientMerges1795600000000 } from './patient-merges.migration';
import { PlanCohorts1796000000000 } from './plan-cohorts.migration';
import { PlanVersions1795800000000 } from './plan-versions.migration';
import { TaskCatchUp1795700000000 } from './task-catch-up.migration';

/** Every migration of the `scheduler` schema, in order. Feature migrations are appended here. */
export const SCHEDULER_MIGRATIONS = [
  ...createMessagingMigrations(SCHEDULER_SCHEMA),
  FollowUpTasks1795500000000,
  PatientMerges1795600000000,
  TaskCatchUp1795700000000,
  PlanVersions1795800000000,
  AgentRosters1795900000000,
  PlanCohorts1796000000000,
];
