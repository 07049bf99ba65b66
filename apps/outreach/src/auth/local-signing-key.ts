import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { type JWK, importJWK, type JSONWebKeySet, SignJWT } from 'jose';
import { type DataSource } from 'typeorm';
import { OUTREACH_SCHEMA } from '../database/outreach-schema';

const TABLE = `"${OUTREACH_SCHEMA}".auth_signing_key`;

/**
 * The local issuer's ES256 key, shared by every replica through PostgreSQL: the first replica to start
 * creates it, the others read it (so a token signed by one verifies on all).
 */
export class LocalSigningKey {
  private constructor(
    readonly kid: string,
    private readonly privateKey: Awaited<ReturnType<typeof importJWK>>,
    readonly jwks: JSONWebKeySet,
  ) {}

  static async loadOrCreate(dataSource: DataSource): Promise<LocalSigningKey> {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const kid = randomUUID();
    await dataSource.query(
      `INSERT INTO ${TABLE} (kid, private_jwk, public_jwk)
       SELECT $1, $2::jsonb, $3::jsonb WHERE NOT EXISTS (SELECT 1 FROM ${TABLE})`,
      [kid, JSON.stringify(privateKey.export({ format: 'jwk' })), JSON.stringify(publicKey.export({ format: 'jwk' }))],
    );
    const rows: { kid: string; private_jwk: JWK; public_jwk: JWK }[] = await dataSource.query(
      `SELECT kid, private_jwk, public_jwk FROM ${TABLE} ORDER BY created_at, kid LIMIT 1`,
    );
    const row = rows[0];
    if (!row) throw new Error('local signing key missing after creation');
    const key = await importJWK(row.private_jwk, 'ES256');
    return new LocalSigningKey(row.kid, key, {
      keys: [{ ...row.public_jwk, kid: row.kid, alg: 'ES256', use: 'sig' }],
    });
  }

  sign(
    claims: Record<string, unknown>,
    options: { issuer: string; audience: string; subject: string; ttlSeconds: number },
  ) {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: this.kid, typ: 'JWT' })
      .setIssuer(options.issuer)
      .setAudience(options.audience)
      .setSubject(options.subject)
      .setIssuedAt()
      .setJti(randomUUID())
      .setExpirationTime(Math.floor(Date.now() / 1000) + options.ttlSeconds)
      .sign(this.privateKey);
  }
}
