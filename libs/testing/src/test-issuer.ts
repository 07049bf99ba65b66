import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type CryptoKey, SignJWT } from 'jose';

/**
 * Stands in for the staff sign-in service (outreach's issuer or a hospital OIDC provider): publishes an
 * ES256 key as JWKS over HTTP and signs access tokens with its claims (`org_ids`, `roles`, `staff_id`).
 */
export class TestIssuer {
  private server: Server | undefined;
  private privateKey: CryptoKey | undefined;
  issuer = '';
  readonly audience = 'revisit-outreach';

  async start(): Promise<void> {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    this.privateKey = privateKey;
    const jwk = { ...(await exportJWK(publicKey)), kid: 'test-1', alg: 'ES256', use: 'sig' };
    this.server = createServer((req, res) => {
      if (req.url === '/.well-known/jwks.json') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
      } else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.issuer = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async token(orgs: string[], roles: string[], staffId = 'staff-0042'): Promise<string> {
    return new SignJWT({ org_ids: orgs, roles, staff_id: staffId })
      .setProtectedHeader({ alg: 'ES256', kid: 'test-1' })
      .setSubject(`user-${staffId}`)
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(this.privateKey!);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
