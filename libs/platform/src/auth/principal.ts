/** Who is calling, from a verified bearer token. */
export interface Principal {
  /** `sub` of the token: stable user id at its issuer. */
  readonly subject: string;
  readonly issuer: string;
  readonly roles: readonly string[];
  /** Organisations the user may see; every query is scoped to them. */
  readonly orgIds: readonly string[];
  /** Staff id used in events (`agentStaffId`), when the issuer provides one. */
  readonly staffId: string | undefined;
  readonly name: string | undefined;
}
