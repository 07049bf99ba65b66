import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { AuthError, AuthErrorCode } from './auth.errors';
import { JwtVerifier, localIssuerKeys } from './jwt-verifier';

const ISSUER = 'https://sso.hospital.example/realms/revisit';
const AUDIENCE = 'revisit-outreach';

async function setup() {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  const verifier = new JwtVerifier([
    {
      issuer: ISSUER,
      audience: AUDIENCE,
      keys: localIssuerKeys({ keys: [jwk] }),
      rolesClaim: 'realm_access.roles',
      orgsClaim: 'org_ids',
    },
  ]);
  const sign = (claims: Record<string, unknown>, options: { exp?: string | number; iss?: string; aud?: string } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer(options.iss ?? ISSUER)
      .setAudience(options.aud ?? AUDIENCE)
      .setSubject('user-1')
      .setIssuedAt()
      .setExpirationTime(options.exp ?? '5m')
      .sign(privateKey);
  return { verifier, sign };
}

async function refusal(promise: Promise<unknown>): Promise<AuthError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthError);
  return error as AuthError;
}

describe('JwtVerifier', () => {
  it('maps roles, organisations and staff id from the configured claims', async () => {
    const { verifier, sign } = await setup();
    const principal = await verifier.verify(
      await sign({ realm_access: { roles: ['agent'] }, org_ids: 'org-a', staff_id: 'staff-7', name: '李娜' }),
    );
    expect(principal).toEqual({
      subject: 'user-1',
      issuer: ISSUER,
      roles: ['agent'],
      orgIds: ['org-a'],
      staffId: 'staff-7',
      name: '李娜',
    });
  });

  it('refuses a token whose payload was altered after signing', async () => {
    const { verifier, sign } = await setup();
    const [header, payload, signature] = (await sign({ realm_access: { roles: ['agent'] } })).split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    claims['realm_access'] = { roles: ['admin'] };
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    expect((await refusal(verifier.verify(forged))).code).toBe(AuthErrorCode.InvalidToken);
  });

  it('refuses expired tokens, other audiences, unknown issuers and garbage alike', async () => {
    const { verifier, sign } = await setup();
    const past = Math.floor(Date.now() / 1000) - 3600;
    for (const token of [
      await sign({}, { exp: past }),
      await sign({}, { aud: 'another-app' }),
      await sign({}, { iss: 'https://evil.example' }),
      'not-a-jwt',
    ]) {
      expect((await refusal(verifier.verify(token))).code).toBe(AuthErrorCode.InvalidToken);
    }
  });

  it('refuses an unsigned token (alg none) and an HMAC token signed with the public key', async () => {
    const { verifier } = await setup();
    const body = Buffer.from(
      JSON.stringify({ iss: ISSUER, aud: AUDIENCE, sub: 'x', exp: Math.floor(Date.now() / 1000) + 300 }),
    ).toString('base64url');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${body}.`;
    expect((await refusal(verifier.verify(none))).code).toBe(AuthErrorCode.InvalidToken);
    const hmac = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject('x')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('a-shared-secret-anyone-could-guess'));
    expect((await refusal(verifier.verify(hmac))).code).toBe(AuthErrorCode.InvalidToken);
  });
});
