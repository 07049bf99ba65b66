/**
 * Stand-in for the outreach service's token issuer, for tests of the dashboard against a stand-in analytics:
 * ES256 tokens from a password grant carrying exactly the outreach claims, a JWKS, and a verifier that checks
 * signature, issuer, audience, expiry and role as the real services do. The workbench tests use the real
 * outreach service (support/outreach-process.ts).
 */
import { exportJWK, generateKeyPair, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { type HttpCall, problem, type Reply, startJsonServer } from './json-http';

export const CONTRACT_ISSUER = 'http://contract-outreach/';
export const CONTRACT_AUDIENCE = 'revisit';
const ISSUER = CONTRACT_ISSUER;
const AUDIENCE = CONTRACT_AUDIENCE;

interface User {
  readonly password: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly staffId: string;
}

export const CONTRACT_USERS: Record<string, User> = {
  'zhang.supervisor': { password: 'Zhuguan#2026', name: '张主管', roles: ['supervisor'], staffId: 'staff-0001' },
  'li.agent': { password: 'Zuoxi#2026', name: '李坐席', roles: ['agent'], staffId: 'staff-0007' },
  'zhao.auditor': { password: 'Shenji#2026', name: '赵审计', roles: ['auditor'], staffId: 'staff-0009' },
};

export async function startStandInIssuer(org = 'org-demo-dental') {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = await exportJWK(publicKey);

  const authorised = async (call: HttpCall, roles: readonly string[]): Promise<JWTPayload | Reply> => {
    const header = call.headers['authorization'] ?? '';
    if (!header.startsWith('Bearer ')) return problem(401, 'auth.missing-token', 'Sign in first');
    try {
      const { payload } = await jwtVerify(header.slice(7), publicKey, { issuer: ISSUER, audience: AUDIENCE });
      const held = (payload['roles'] as string[] | undefined) ?? [];
      return held.some((role) => roles.includes(role)) ? payload : problem(403, 'auth.forbidden', 'Not allowed');
    } catch {
      return problem(401, 'auth.invalid-token', 'The token is invalid or expired');
    }
  };
  const isReply = (value: JWTPayload | Reply): value is Reply => 'status' in value && typeof value.status === 'number';

  const server = await startJsonServer(async (call) => {
    if (call.method === 'POST' && call.path === '/v1/auth/token') {
      const body = call.body as Record<string, string> | undefined;
      const user = body?.['username'] ? CONTRACT_USERS[body['username']] : undefined;
      if (body?.['grant_type'] !== 'password' || !user || user.password !== body['password']) {
        return problem(400, 'auth.invalid-grant', 'Wrong username or password');
      }
      const token = await new SignJWT({
        roles: user.roles,
        org_ids: [org],
        staff_id: user.staffId,
        name: user.name,
      })
        .setProtectedHeader({ alg: 'ES256', kid: 'contract' })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setSubject(body['username'] as string)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(privateKey);
      return { status: 200, body: { access_token: token, token_type: 'Bearer', expires_in: 3600 } };
    }
    if (call.path === '/.well-known/jwks.json') return { status: 200, body: { keys: [{ ...jwk, kid: 'contract' }] } };

    return problem(404, 'not-found', 'No such route');
  });
  return { ...server, authorised, isReply };
}
