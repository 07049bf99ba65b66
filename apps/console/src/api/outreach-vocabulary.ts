/**
 * The shared code lists of libs/domain's event catalogue, repeated here because the browser bundle must not
 * pull the catalogue's schemas and validators in; a unit test keeps both lists identical.
 */
export const ATTEMPT_DISPOSITIONS = [
  'answered',
  'no-answer',
  'busy',
  'unreachable',
  'wrong-number',
  'line-fault',
  'refused',
  'do-not-contact',
  'moved-away',
  'deceased',
  'changed-therapy',
] as const;
export type AttemptDisposition = (typeof ATTEMPT_DISPOSITIONS)[number];

export const FEEDBACK_KINDS = ['criticism', 'complaint', 'need', 'praise', 'suggestion'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export const OUTREACH_CHANNELS = ['sms', 'phone-agent', 'phone-robot', 'wechat-oa', 'wecom', 'questionnaire'] as const;
export type OutreachChannel = (typeof OUTREACH_CHANNELS)[number];

export const FOLLOW_UP_PURPOSES = [
  'medication-adherence',
  'refill-reminder',
  'post-procedure-check',
  'post-discharge',
  'post-visit',
  'missed-appointment',
  'appointment-reminder',
  'return-visit-invitation',
  'chronic-review',
  'satisfaction-survey',
  'seasonal-care',
  'special-date-greeting',
  'complaint-callback',
  'other',
] as const;
export type FollowUpPurpose = (typeof FOLLOW_UP_PURPOSES)[number];

export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];
