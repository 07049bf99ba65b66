export const CONTACT_RULES = Symbol('CONTACT_RULES');
export const WORK_TASK = Symbol('WORK_TASK');
export const ESCALATION_CONTEXT = Symbol('ESCALATION_CONTEXT');
/** The configured SMS channel, or null when SMS_PROVIDER is `none`. */
export const SMS_CHANNEL = Symbol('SMS_CHANNEL');
