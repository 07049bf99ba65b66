import { hmacSha256, sha256Hex } from '../hashing';

/**
 * Alibaba Cloud API signature V3 (ACS3-HMAC-SHA256), implemented from "Request syntax and signature method
 * V3" (help.aliyun.com/zh/sdk/product-overview/v3-request-structure-and-signature). Shared by the adapter
 * and by the test fake, which recomputes it from the request it receives.
 */
export const ACS3_ALGORITHM = 'ACS3-HMAC-SHA256';

export interface Acs3SigningInput {
  readonly method: string;
  /** Canonical URI: the path, `/` for RPC-style APIs. */
  readonly path: string;
  readonly query: ReadonlyArray<readonly [string, string]>;
  /** Headers to sign, any case; `host`, `content-type` and every `x-acs-*` header must be among them. */
  readonly headers: Readonly<Record<string, string>>;
  /** Hex SHA-256 of the body (the `x-acs-content-sha256` value). */
  readonly payloadHash: string;
}

export interface Acs3Signature {
  readonly canonicalRequest: string;
  readonly stringToSign: string;
  readonly signedHeaders: string;
  readonly signature: string;
}

/** RFC 3986 encoding as the document requires: space as %20, `*` as %2A, `~` kept. */
export function acsPercentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function canonicalQueryString(query: ReadonlyArray<readonly [string, string]>): string {
  return query
    .map(([key, value]) => [acsPercentEncode(key), acsPercentEncode(value)] as const)
    .sort(([a, av], [b, bv]) => (a === b ? compare(av, bv) : compare(a, b)))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
}

export function computeAcs3Signature(input: Acs3SigningInput, accessKeySecret: string): Acs3Signature {
  const headers = Object.entries(input.headers)
    .map(([name, value]) => [name.toLowerCase(), value.trim()] as const)
    .sort(([a], [b]) => compare(a, b));
  const canonicalHeaders = headers.map(([name, value]) => `${name}:${value}\n`).join('');
  const signedHeaders = headers.map(([name]) => name).join(';');
  const canonicalRequest = [
    input.method.toUpperCase(),
    input.path,
    canonicalQueryString(input.query),
    canonicalHeaders,
    signedHeaders,
    input.payloadHash,
  ].join('\n');
  const stringToSign = `${ACS3_ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
  const signature = hmacSha256(accessKeySecret, stringToSign).toString('hex');
  return { canonicalRequest, stringToSign, signedHeaders, signature };
}

export function acs3Authorization(accessKeyId: string, signature: Acs3Signature): string {
  return `${ACS3_ALGORITHM} Credential=${accessKeyId},SignedHeaders=${signature.signedHeaders},Signature=${signature.signature}`;
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
