import { decodeJwtPayload, hasAnyRole, sessionFromToken } from './auth-api';

// As the issuer encodes: UTF-8 JSON in unpadded base64url (the name below exercises multi-byte characters).
const base64url = (value: unknown): string =>
  btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const jwt = (claims: Record<string, unknown>): string => `${base64url({ alg: 'EdDSA' })}.${base64url(claims)}.sig`;

describe('session from the issuer token', () => {
  it('reads subject, display name, known roles, organisations and expiry', () => {
    const token = jwt({
      sub: 'staff-0007',
      name: '王小明',
      roles: ['agent', 'supervisor', 'superuser'],
      org_ids: ['org-demo-dental'],
      exp: 1_900_000_000,
    });
    expect(sessionFromToken(token, 0)).toEqual({
      accessToken: token,
      subject: 'staff-0007',
      displayName: '王小明',
      roles: ['agent', 'supervisor'],
      orgIds: ['org-demo-dental'],
      expiresAt: 1_900_000_000_000,
    });
  });

  it('falls back to expires_in when the token carries no exp', () => {
    const session = sessionFromToken(jwt({ sub: 'u1', roles: 'auditor' }), 1000, 60);
    expect(session.expiresAt).toBe(61_000);
    expect(session.roles).toEqual(['auditor']);
    expect(hasAnyRole(session, ['supervisor', 'admin'])).toBe(false);
    expect(hasAnyRole(session, ['auditor'])).toBe(true);
  });

  it('rejects what is not a JWT or has no subject', () => {
    expect(() => decodeJwtPayload('abc')).toThrow('not a JWT');
    expect(() => sessionFromToken(jwt({ roles: ['agent'] }), 0)).toThrow('no subject');
  });
});
