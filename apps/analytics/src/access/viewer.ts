/** Roles of the outreach issuer's tokens that analytics knows. */
export const ANALYTICS_ROLES = ['admin', 'manager', 'supervisor', 'analyst', 'auditor', 'doctor', 'agent'] as const;
export type AnalyticsRole = (typeof ANALYTICS_ROLES)[number];

/** Roles that may read figures at all. Agents work their own worklist in outreach and see no dashboard. */
const METRIC_READERS: ReadonlySet<string> = new Set(['admin', 'manager', 'supervisor', 'analyst', 'auditor', 'doctor']);
/** Roles that may see who is behind a figure (patient ids, comments); others get masked ids. */
const PATIENT_DATA_READERS: ReadonlySet<string> = new Set(['admin', 'supervisor', 'doctor']);

/** The signed-in user as analytics needs them: organisation, roles, and what follows from the roles. */
export interface Viewer {
  readonly subject: string;
  /** Organisations the user works for (`org_ids` of the outreach issuer's tokens). */
  readonly orgs: readonly string[];
  readonly roles: readonly string[];
}

export const canReadMetrics = (viewer: Viewer): boolean => viewer.roles.some((r) => METRIC_READERS.has(r));
export const canSeePatients = (viewer: Viewer): boolean => viewer.roles.some((r) => PATIENT_DATA_READERS.has(r));

/** Keeps the first two and last two characters of an id, so rows stay distinguishable but not identifying. */
export function maskPatientId(id: string): string {
  if (id.length <= 4) return '*'.repeat(id.length);
  return `${id.slice(0, 2)}${'*'.repeat(id.length - 4)}${id.slice(-2)}`;
}
