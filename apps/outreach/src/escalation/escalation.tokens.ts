export const CONTACT_RULES = Symbol('CONTACT_RULES');
export const WORK_TASK = Symbol('WORK_TASK');
export const ESCALATION_CONTEXT = Symbol('ESCALATION_CONTEXT');
