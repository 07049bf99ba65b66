/** Roles of the staff tokens (issued by outreach's sign-in or the hospital's OIDC provider). */
export const PLAN_WRITERS = ['admin', 'supervisor'] as const;
/** Agents read the plans and the roster they work by; auditors read everything. */
export const STAFF_READERS = ['admin', 'supervisor', 'agent', 'auditor'] as const;
