import { type Principal } from '@revisit/platform';

/**
 * The organisations a caller may see. Rows of other organisations are filtered in SQL, so they answer
 * 404 exactly like rows that do not exist: nobody learns that another organisation's patient exists.
 */
export function orgScope(principal: Principal): readonly string[] {
  return principal.orgIds;
}

/**
 * The one organisation a configuration request is about: the one named (if the caller belongs to it), or the
 * caller's only organisation. Each feature maps the two failures onto its own error codes.
 */
export function pickOrganisation(
  principal: Principal,
  orgId: string | undefined,
): { orgId: string } | { problem: 'not-found' | 'ambiguous' } {
  if (orgId !== undefined) return principal.orgIds.includes(orgId) ? { orgId } : { problem: 'not-found' };
  const only = principal.orgIds.length === 1 ? principal.orgIds[0] : undefined;
  return only === undefined ? { problem: 'ambiguous' } : { orgId: only };
}
