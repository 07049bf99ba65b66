/** Injection token of the validated `OutreachConfig`. */
export const OUTREACH_CONFIG = Symbol('OUTREACH_CONFIG');
