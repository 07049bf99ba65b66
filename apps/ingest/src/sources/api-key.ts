import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * API keys look like `rvk_<keyId>_<secret>`: the key id finds the source row, the 256-bit secret is checked
 * against an scrypt hash, so a leaked database does not leak usable keys.
 */
const PREFIX = 'rvk';
const SCRYPT: ScryptOptions = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

export interface IssuedApiKey {
  readonly keyId: string;
  /** Shown once to the operator; never stored. */
  readonly key: string;
  readonly hash: string;
}

export interface PresentedApiKey {
  readonly keyId: string;
  readonly secret: string;
}

export async function issueApiKey(): Promise<IssuedApiKey> {
  const keyId = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { keyId, key: `${PREFIX}_${keyId}_${secret}`, hash: await hashSecret(secret) };
}

export function parseApiKey(key: string): PresentedApiKey | undefined {
  const match = /^rvk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/.exec(key.trim());
  return match ? { keyId: match[1]!, secret: match[2]! } : undefined;
}

export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(secret, salt, SCRYPT);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await derive(secret, Buffer.from(salt, 'base64'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: SCRYPT.maxmem,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function derive(secret: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(secret, salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}
