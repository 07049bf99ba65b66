import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { AccessError, AccessErrorCode } from './access.errors';
import { type Viewer } from './viewer';

export interface BearerTokenSettings {
  /** `iss` of the outreach sign-in service's tokens. */
  readonly issuer: string;
  readonly audience: string;
  /** Where the issuer publishes its signing keys (JWKS). */
  readonly jwksUrl: string;
}

/**
 * Verifies the outreach issuer's access tokens against its published keys (signature, issuer, audience,
 * expiry). Stands in until the shared verifier lib lands; swap the guard's dependency then.
 */
export class BearerTokenVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(private readonly settings: BearerTokenSettings) {
    this.keys = createRemoteJWKSet(new URL(settings.jwksUrl));
  }

  async verify(token: string): Promise<Viewer> {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: ['RS256', 'ES256', 'EdDSA'],
      }));
    } catch {
      throw new AccessError(AccessErrorCode.InvalidToken, 'signature, issuer, audience or expiry check failed');
    }
    // The outreach issuer's claims: `org_ids` (organisations of the user) and `roles`.
    const orgs = payload['org_ids'];
    const roles = payload['roles'];
    if (typeof payload.sub !== 'string' || !Array.isArray(orgs) || !Array.isArray(roles)) {
      throw new AccessError(AccessErrorCode.InvalidToken, 'the token lacks sub, org_ids or roles');
    }
    const strings = (list: unknown[]) => list.filter((item): item is string => typeof item === 'string');
    return { subject: payload.sub, orgs: strings(orgs), roles: strings(roles) };
  }
}
