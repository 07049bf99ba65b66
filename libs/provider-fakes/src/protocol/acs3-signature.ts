import { createHash, createHmac } from 'node:crypto';

/**
 * Alibaba Cloud API signature V3 (ACS3-HMAC-SHA256) as the gateway recomputes it, from "Request syntax and
 * signature method V3" (help.aliyun.com/zh/sdk/product-overview/v3-request-structure-and-signature).
 * Kept apart from outreach's adapter on purpose: the fake must not trust the code it checks.
 */
const ACS3_ALGORITHM = 'ACS3-HMAC-SHA256';

/** The dysmsapi version SendSms and QuerySendDetails are served under. */
export const DYSMS_API_VERSION = '2017-05-25';

export function sha256Hex(data: string): string {
  return createHash('sha256').update(data, 'utf8').digest('hex');
}

export interface Acs3SigningInput {
  readonly method: string;
  readonly path: string;
  readonly query: ReadonlyArray<readonly [string, string]>;
  readonly headers: Readonly<Record<string, string>>;
  readonly payloadHash: string;
}

/** RFC 3986 encoding as the document requires: space as %20, `*` as %2A, `~` kept. */
function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function computeAcs3Signature(input: Acs3SigningInput, accessKeySecret: string): { signature: string } {
  const headers = Object.entries(input.headers)
    .map(([name, value]) => [name.toLowerCase(), value.trim()] as const)
    .sort(([a], [b]) => compare(a, b));
  const query = input.query
    .map(([key, value]) => [percentEncode(key), percentEncode(value)] as const)
    .sort(([a, av], [b, bv]) => (a === b ? compare(av, bv) : compare(a, b)))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
  const canonicalRequest = [
    input.method.toUpperCase(),
    input.path,
    query,
    headers.map(([name, value]) => `${name}:${value}\n`).join(''),
    headers.map(([name]) => name).join(';'),
    input.payloadHash,
  ].join('\n');
  const stringToSign = `${ACS3_ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
  return { signature: createHmac('sha256', accessKeySecret).update(stringToSign, 'utf8').digest('hex') };
}

export interface ParsedAcs3Authorization {
  readonly accessKeyId: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

export function parseAcs3Authorization(header: string): ParsedAcs3Authorization | undefined {
  const match = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(header);
  if (!match) return undefined;
  const [, accessKeyId, signedHeaders, signature] = match as unknown as [string, string, string, string];
  return { accessKeyId, signedHeaders: signedHeaders.split(';'), signature };
}

/** Code-unit order, as the servers sort (not locale order). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
