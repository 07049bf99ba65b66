import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, type JSONWebKeySet, type JWTPayload, jwtVerify } from 'jose';
import { AuthError, AuthErrorCode } from './auth.errors';
import { type Principal } from './principal';

type KeyResolver = Parameters<typeof jwtVerify>[1];

/** An issuer whose tokens we accept, and how its claims map onto a Principal. */
export interface TrustedIssuer {
  readonly issuer: string;
  readonly audience: string;
  readonly keys: KeyResolver;
  /** Dotted path of the roles claim, e.g. `roles` or `realm_access.roles` (Keycloak). */
  readonly rolesClaim: string;
  /** Dotted path of the organisations claim (string or array). */
  readonly orgsClaim: string;
  readonly staffIdClaim?: string;
  /** Asymmetric algorithms only: `none` and HMAC (alg confusion) are never accepted. */
  readonly algorithms?: readonly string[];
}

export const ASYMMETRIC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'EdDSA'];

/** Keys of an OIDC provider: `jwks_uri` from its discovery document unless given, fetched and cached by jose. */
export function remoteIssuerKeys(issuer: string, jwksUri?: string): KeyResolver {
  let resolver: ReturnType<typeof createRemoteJWKSet> | undefined;
  const discover = async (): Promise<ReturnType<typeof createRemoteJWKSet>> => {
    if (resolver) return resolver;
    let uri = jwksUri;
    if (uri === undefined) {
      const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, {
        signal: AbortSignal.timeout(5000),
      });
      if (!response.ok) throw new Error(`OIDC discovery answered ${response.status}`);
      const document = (await response.json()) as { jwks_uri?: unknown };
      if (typeof document.jwks_uri !== 'string') throw new Error('OIDC discovery has no jwks_uri');
      uri = document.jwks_uri;
    }
    resolver = createRemoteJWKSet(new URL(uri), { cooldownDuration: 30_000, cacheMaxAge: 600_000 });
    return resolver;
  };
  return async (header, token) => (await discover())(header, token);
}

export function localIssuerKeys(jwks: JSONWebKeySet): KeyResolver {
  return createLocalJWKSet(jwks);
}

/**
 * Verifies bearer tokens from one or more issuers (a configured OIDC provider, the built-in local issuer):
 * the unverified `iss` only selects which keys to try; signature, `iss`, `aud`, `exp` and `nbf` are then
 * checked by jose. Every failure is the same `auth.invalid-token`, so a caller learns nothing from it.
 */
export class JwtVerifier {
  private readonly byIssuer = new Map<string, TrustedIssuer>();

  constructor(
    issuers: readonly TrustedIssuer[],
    private readonly clockToleranceSeconds = 30,
  ) {
    for (const issuer of issuers) this.byIssuer.set(issuer.issuer, issuer);
  }

  async verify(token: string): Promise<Principal> {
    const trusted = this.issuerOf(token);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, trusted.keys, {
        issuer: trusted.issuer,
        audience: trusted.audience,
        algorithms: [...(trusted.algorithms ?? ASYMMETRIC_ALGORITHMS)],
        clockTolerance: this.clockToleranceSeconds,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch {
      throw new AuthError(AuthErrorCode.InvalidToken, 'the token is invalid or expired');
    }
    return {
      subject: String(payload.sub),
      issuer: trusted.issuer,
      roles: stringsAt(payload, trusted.rolesClaim),
      orgIds: stringsAt(payload, trusted.orgsClaim),
      staffId: stringsAt(payload, trusted.staffIdClaim ?? 'staff_id')[0],
      name: typeof payload['name'] === 'string' ? payload['name'] : undefined,
    };
  }

  private issuerOf(token: string): TrustedIssuer {
    let iss: string | undefined;
    try {
      iss = decodeJwt(token).iss;
    } catch {
      iss = undefined;
    }
    const trusted = iss === undefined ? undefined : this.byIssuer.get(iss);
    if (!trusted) throw new AuthError(AuthErrorCode.InvalidToken, 'the token is invalid or expired');
    return trusted;
  }
}

function stringsAt(payload: JWTPayload, path: string): string[] {
  let value: unknown = payload;
  for (const key of path.split('.')) {
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  }
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
