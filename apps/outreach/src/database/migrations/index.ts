import { createMessagingMigrations } from '@revisit/messaging';
import { OutreachChannels1795800000000 } from '../../channels/channels.migration';
import { OutreachRobotCall1795900000370 } from '../../escalation/robot-call.migration';
import { OutreachSmsSend1795900000361 } from '../../escalation/sms-send.migration';
import { OutreachPatient360_1795900000360 } from '../../patients/patient-360.migration';
import { OUTREACH_SCHEMA } from '../outreach-schema';
import { OutreachSecurity1795700000100 } from './outreach-security.migration';
import { OutreachTasks1795700000000 } from './outreach-tasks.migration';
import { OutreachQuality1795900000500 } from './outreach-quality.migration';
import { OutreachWork1795700000200 } from './outreach-work.migration';

/** Every migration of the `outreach` schema, in order. Feature migrations are appended here. */
export const OUTREACH_MIGRATIONS = [
  ...createMessagingMigrations(OUTREACH_SCHEMA),
  OutreachTasks1795700000000,
  OutreachSecurity1795700000100,
  OutreachWork1795700000200,
  OutreachChannels1795800000000,
  OutreachQuality1795900000500,
  OutreachPatient360_1795900000360,
  OutreachSmsSend1795900000361,
  OutreachRobotCall1795900000370,
];
