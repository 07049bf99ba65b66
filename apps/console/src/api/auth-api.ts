/**
 * Sign-in against the outreach service's local issuer (`POST /v1/auth/token`, OAuth 2.0 password grant,
 * RFC 6749 section 4.3). The token is verified by every service; the console only reads its claims to decide
 * which pages to offer, never to grant access.
 */
import { type HttpClient } from './http-client';

export const ROLES = ['agent', 'supervisor', 'admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export interface Session {
  readonly accessToken: string;
  readonly subject: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly orgIds: readonly string[];
  /** Epoch milliseconds. */
  readonly expiresAt: number;
}

interface TokenResponse {
  readonly access_token: string;
  readonly token_type: string;
  readonly expires_in?: number;
}

export async function signIn(http: HttpClient, username: string, password: string): Promise<Session> {
  const token = await http.json<TokenResponse>('outreach', '/v1/auth/token', {
    method: 'POST',
    form: { grant_type: 'password', username, password },
  });
  return sessionFromToken(token.access_token, Date.now(), token.expires_in);
}

/** Reads the claims the console needs; an unreadable token is rejected here rather than half-used. */
export function sessionFromToken(accessToken: string, now: number, expiresIn?: number): Session {
  const claims = decodeJwtPayload(accessToken);
  const roles = stringList(claims['roles']).filter((role): role is Role => (ROLES as readonly string[]).includes(role));
  const orgIds = stringList(claims['org_ids'] ?? claims['orgIds'] ?? claims['orgs']);
  const subject = typeof claims['sub'] === 'string' ? claims['sub'] : '';
  if (!subject) throw new Error('token has no subject');
  const exp = typeof claims['exp'] === 'number' ? claims['exp'] * 1000 : now + (expiresIn ?? 3600) * 1000;
  const name = claims['name'] ?? claims['preferred_username'];
  return {
    accessToken,
    subject,
    displayName: typeof name === 'string' && name ? name : subject,
    roles,
    orgIds,
    expiresAt: exp,
  };
}

export function decodeJwtPayload(jwt: string): Record<string, unknown> {
  const parts = jwt.split('.');
  if (parts.length !== 3 || !parts[1]) throw new Error('not a JWT');
  const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='));
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  const payload: unknown = JSON.parse(new TextDecoder().decode(bytes));
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw new Error('bad JWT payload');
  return payload as Record<string, unknown>;
}

function stringList(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/[ ,]+/).filter(Boolean);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export function hasAnyRole(session: Session | undefined, roles: readonly Role[]): boolean {
  return !!session && session.roles.some((role) => roles.includes(role));
}
