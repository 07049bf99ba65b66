import { Type } from '@sinclair/typebox';

const HHMM = '^([01][0-9]|2[0-3]):[0-5][0-9]$';

/** Contact rules, escalation timers and the SMS notice; defaults follow the TCM phone standard. */
export const outreachRulesConfigProperties = {
  QUIET_HOURS_FROM: Type.String({ pattern: HHMM, default: '21:00', description: 'No contact from (local)' }),
  QUIET_HOURS_TO: Type.String({ pattern: HHMM, default: '08:00', description: 'No contact until (local)' }),
  CONTACT_FREQUENCY_CAP: Type.Integer({ minimum: 1, default: 12, description: 'Attempts per patient per window' }),
  CONTACT_FREQUENCY_WINDOW_HOURS: Type.Integer({ minimum: 1, default: 24 }),
  DEFAULT_CALL_SLOT: Type.String({ pattern: HHMM, default: '10:30', description: 'Next call proposed in SMS notices' }),
  CLAIM_LEASE_SECONDS: Type.Integer({ minimum: 30, maximum: 7200, default: 600 }),
  OUTREACH_TIMER_INTERVAL_MS: Type.Integer({ minimum: 50, maximum: 60000, default: 1000 }),
  SMS_PROVIDER: Type.Union([Type.Literal('none'), Type.Literal('alibaba'), Type.Literal('tencent')], {
    default: 'none',
    description: 'SMS provider for notices and the sms channel; its own keys (ALIYUN_SMS_*, TENCENT_SMS_*) apply',
  }),
  SMS_NOTICE_TEMPLATE: Type.String({
    default: 'SMS_FOLLOWUP_NOTICE',
    description: 'Approved template with variables `purpose` and `time`',
  }),
  SMS_QUESTIONNAIRE_TEMPLATE: Type.String({
    default: 'SMS_QUESTIONNAIRE_LINK',
    description: 'Approved template with variables `purpose` and `link` (the survey link agents send)',
  }),
};
