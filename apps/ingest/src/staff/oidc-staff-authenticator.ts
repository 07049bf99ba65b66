import { AuthError, JwtVerifier, remoteIssuerKeys } from '@revisit/platform';
import { type RequestHeaders, type StaffAuthenticator, type StaffMember } from './staff-authenticator';

export interface StaffIssuerOptions {
  /** The outreach issuer (or the hospital's OIDC provider it federates with). */
  readonly issuerUrl: string;
  readonly audience: string;
  readonly rolesClaim: string;
  /** JWKS location when the issuer publishes no discovery document. */
  readonly jwksUrl?: string;
}

/** Staff identity from bearer tokens verified by the platform's JWT verifier (JWKS via OIDC discovery). */
export class OidcStaffAuthenticator implements StaffAuthenticator {
  private readonly verifier: JwtVerifier;

  constructor(options: StaffIssuerOptions) {
    this.verifier = new JwtVerifier([
      {
        issuer: options.issuerUrl,
        audience: options.audience,
        keys: remoteIssuerKeys(options.issuerUrl, options.jwksUrl),
        rolesClaim: options.rolesClaim,
        orgsClaim: 'org_ids',
      },
    ]);
  }

  async authenticate(headers: RequestHeaders): Promise<StaffMember | undefined> {
    const header = headers['authorization'];
    const match = typeof header === 'string' ? /^Bearer\s+([A-Za-z0-9._~+/-]+=*)$/i.exec(header.trim()) : null;
    if (!match?.[1]) return undefined;
    try {
      const principal = await this.verifier.verify(match[1]);
      return { staffId: principal.staffId ?? principal.subject, roles: principal.roles };
    } catch (error) {
      if (error instanceof AuthError) return undefined;
      throw error;
    }
  }
}
