import { type Principal } from '@revisit/platform';

/** The staff id events carry for this caller (the token's `staff_id`, else its subject). */
export function staffIdOf(principal: Principal): string {
  return principal.staffId ?? principal.subject;
}

/** Who holds a lease: issuer and subject, so two issuers' users never collide. */
export function leaseOwnerOf(principal: Principal): string {
  return `${principal.issuer}|${principal.subject}`;
}
