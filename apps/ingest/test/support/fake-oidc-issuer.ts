import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

/**
 * Stands in for the outreach issuer over the real protocol: an OIDC discovery document and a JWKS over
 * HTTP, and ES256 tokens signed with the key it publishes. `signWithUnpublishedKey` forges a token.
 */
export class FakeOidcIssuer {
  private constructor(
    private readonly server: Server,
    readonly issuer: string,
    private readonly key: SigningKey,
    private readonly rogueKey: SigningKey,
  ) {}

  static async start(): Promise<FakeOidcIssuer> {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const rogue = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    let issuer = '';
    const server = createServer((request, response) => {
      const body =
        request.url === '/.well-known/openid-configuration'
          ? { issuer, jwks_uri: `${issuer}/jwks` }
          : request.url === '/jwks'
            ? { keys: [jwk] }
            : undefined;
      response.writeHead(body ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(body ?? {}));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return new FakeOidcIssuer(server, issuer, privateKey, rogue.privateKey);
  }

  token(
    claims: JWTPayload & { roles?: string[] },
    options: { audience?: string; expiresIn?: string } = {},
  ): Promise<string> {
    return this.sign(this.key, claims, options);
  }

  signWithUnpublishedKey(claims: JWTPayload): Promise<string> {
    return this.sign(this.rogueKey, claims, {});
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private sign(
    key: SigningKey,
    claims: JWTPayload,
    options: { audience?: string; expiresIn?: string },
  ): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer(this.issuer)
      .setAudience(options.audience ?? 'revisit')
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '5m')
      .sign(key);
  }
}
