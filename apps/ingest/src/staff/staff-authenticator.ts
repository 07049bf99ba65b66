/** A staff member calling an operator endpoint, from a bearer token of the outreach issuer. */
export interface StaffMember {
  readonly staffId: string;
  readonly roles: readonly string[];
}

export type RequestHeaders = Readonly<Record<string, string | string[] | undefined>>;

/**
 * Port: who is calling. Undefined means no (valid) token; the adapter decides how tokens are verified.
 * Same shape as the EMPI's staff port, so one adapter serves both.
 */
export interface StaffAuthenticator {
  authenticate(headers: RequestHeaders): Promise<StaffMember | undefined>;
}

export const QUARANTINE_STAFF_AUTHENTICATOR = Symbol('QUARANTINE_STAFF_AUTHENTICATOR');

/** Fails closed when no identity provider is configured: nobody may replay. */
export class NoStaffAuthenticator implements StaffAuthenticator {
  authenticate(): Promise<StaffMember | undefined> {
    return Promise.resolve(undefined);
  }
}
