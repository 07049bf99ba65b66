import { hmacSha256, sha256Hex } from '../hashing';

/**
 * Tencent Cloud API 3.0 signature v3 (TC3-HMAC-SHA256), implemented from "Signature v3"
 * (cloud.tencent.com/document/api/382/52072). Shared by the adapter and the test fake.
 */
export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';

export interface Tc3SigningInput {
  readonly method: string;
  /** Always `/` for API 3.0. */
  readonly path: string;
  /** URL query string; empty for POST. */
  readonly query: string;
  /** Headers to sign (`content-type` and `host` are required by the server). */
  readonly headers: Readonly<Record<string, string>>;
  readonly payload: string;
  /** Seconds since the epoch, the `X-TC-Timestamp` value. */
  readonly timestamp: number;
  /** Product name in the credential scope, e.g. `sms`. */
  readonly service: string;
}

export interface Tc3Signature {
  readonly canonicalRequest: string;
  readonly stringToSign: string;
  readonly credentialScope: string;
  readonly signedHeaders: string;
  readonly signature: string;
}

export function computeTc3Signature(input: Tc3SigningInput, secretKey: string): Tc3Signature {
  const headers = Object.entries(input.headers)
    .map(([name, value]) => [name.toLowerCase(), value.trim().toLowerCase()] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const canonicalHeaders = headers.map(([name, value]) => `${name}:${value}\n`).join('');
  const signedHeaders = headers.map(([name]) => name).join(';');
  const canonicalRequest = [
    input.method.toUpperCase(),
    input.path,
    input.query,
    canonicalHeaders,
    signedHeaders,
    sha256Hex(input.payload),
  ].join('\n');
  // The scope date is the UTC date of the timestamp; a local date fails every night around 00:00 +08:00.
  const date = new Date(input.timestamp * 1000).toISOString().slice(0, 10);
  const credentialScope = `${date}/${input.service}/tc3_request`;
  const stringToSign = [TC3_ALGORITHM, String(input.timestamp), credentialScope, sha256Hex(canonicalRequest)].join(
    '\n',
  );
  const secretDate = hmacSha256(`TC3${secretKey}`, date);
  const secretService = hmacSha256(secretDate, input.service);
  const secretSigning = hmacSha256(secretService, 'tc3_request');
  const signature = hmacSha256(secretSigning, stringToSign).toString('hex');
  return { canonicalRequest, stringToSign, credentialScope, signedHeaders, signature };
}

export function tc3Authorization(secretId: string, signature: Tc3Signature): string {
  return (
    `${TC3_ALGORITHM} Credential=${secretId}/${signature.credentialScope}, ` +
    `SignedHeaders=${signature.signedHeaders}, Signature=${signature.signature}`
  );
}

export interface ParsedTc3Authorization {
  readonly secretId: string;
  readonly date: string;
  readonly service: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

export function parseTc3Authorization(header: string): ParsedTc3Authorization | undefined {
  const match =
    /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([a-z0-9-]+)\/tc3_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
      header,
    );
  if (!match) return undefined;
  const [, secretId, date, service, signedHeaders, signature] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return { secretId, date, service, signedHeaders: signedHeaders.split(';'), signature };
}
