import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { parseApiKey, verifySecret } from './api-key';
import { type FeedSource, FeedSourceEntity } from './feed-source.entity';

/** A verified key is remembered briefly so scrypt runs once per key and minute, not once per request. */
const VERIFIED_TTL_MS = 60_000;

/**
 * Finds the feed source behind a credential: an API key, a TLS client certificate fingerprint or (plain
 * MLLP only) the peer address. Disabled sources and rotated keys stop working within the cache TTL.
 */
@Injectable()
export class SourceAuthenticator {
  private readonly verified = new Map<string, { source: FeedSource; until: number }>();

  constructor(private readonly dataSource: DataSource) {}

  async byApiKey(key: string): Promise<FeedSource | undefined> {
    const cacheKey = createHash('sha256').update(key).digest('base64');
    const cached = this.verified.get(cacheKey);
    if (cached && cached.until > Date.now()) return cached.source;
    this.verified.delete(cacheKey);
    const presented = parseApiKey(key);
    if (!presented) return undefined;
    const row = await this.repository().findOneBy({ apiKeyId: presented.keyId, disabledAt: IsNull() });
    if (!row?.apiKeyHash || !(await verifySecret(presented.secret, row.apiKeyHash))) return undefined;
    const source = toSource(row);
    if (this.verified.size > 10_000) this.verified.clear();
    this.verified.set(cacheKey, { source, until: Date.now() + VERIFIED_TTL_MS });
    return source;
  }

  async byCertificateFingerprint(fingerprint256: string): Promise<FeedSource | undefined> {
    const rows: FeedSourceEntity[] = await this.repository()
      .createQueryBuilder('s')
      .where(':fp = ANY(s.cert_fingerprints)', { fp: fingerprint256.toUpperCase() })
      .andWhere('s.disabled_at IS NULL')
      .getMany();
    return rows.length === 1 ? toSource(rows[0]!) : undefined;
  }

  async byPeerAddress(address: string): Promise<FeedSource | undefined> {
    const plain = address.replace(/^::ffff:/, '');
    const rows: FeedSourceEntity[] = await this.repository()
      .createQueryBuilder('s')
      .where(':address = ANY(s.mllp_peer_addresses)', { address: plain })
      .andWhere('s.disabled_at IS NULL')
      .getMany();
    return rows.length === 1 ? toSource(rows[0]!) : undefined;
  }

  async byId(id: string): Promise<FeedSource | undefined> {
    const row = await this.repository().findOneBy({ id });
    return row ? toSource(row) : undefined;
  }

  private repository() {
    return this.dataSource.getRepository(FeedSourceEntity);
  }
}

function toSource(row: FeedSourceEntity): FeedSource {
  return { id: row.id, identifierSystems: row.identifierSystems };
}
