/** The roles of the agents' API. */
export const ROLES = ['agent', 'supervisor', 'admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
