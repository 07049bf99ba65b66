import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Request signing for our generic HTTP provider protocols (CTI, voice robot), both directions:
 * `x-revisit-signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>` with
 * `x-revisit-timestamp: <Unix seconds>`. Binding the timestamp into the MAC makes a replay outside the window
 * detectable; the receiver also drops repeated event ids.
 */
export const SIGNATURE_HEADER = 'x-revisit-signature';
export const TIMESTAMP_HEADER = 'x-revisit-timestamp';
export const KEY_ID_HEADER = 'x-revisit-key-id';
export const REPLAY_WINDOW_SECONDS = 300;

export function signPayload(secret: string, timestamp: string, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

/** Headers for a signed request sent now. */
export function signedHeaders(keyId: string, secret: string, body: string, nowMs: number): Record<string, string> {
  const timestamp = String(Math.floor(nowMs / 1000));
  return {
    'content-type': 'application/json; charset=utf-8',
    [KEY_ID_HEADER]: keyId,
    [TIMESTAMP_HEADER]: timestamp,
    [SIGNATURE_HEADER]: signPayload(secret, timestamp, body),
  };
}

export type SignatureCheck = 'valid' | 'bad-signature' | 'stale';

export function checkSignedPayload(input: {
  readonly secret: string;
  readonly timestamp: string | undefined;
  readonly signature: string | undefined;
  readonly body: string;
  readonly nowMs: number;
  readonly windowSeconds?: number;
}): SignatureCheck {
  const { timestamp, signature } = input;
  if (timestamp === undefined || signature === undefined || !/^\d{1,12}$/.test(timestamp)) return 'bad-signature';
  const expected = Buffer.from(signPayload(input.secret, timestamp, input.body), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'bad-signature';
  const skew = Math.abs(input.nowMs / 1000 - Number(timestamp));
  return skew > (input.windowSeconds ?? REPLAY_WINDOW_SECONDS) ? 'stale' : 'valid';
}

export type SignedJsonVerdict =
  | { readonly ok: true; readonly payload: unknown }
  | { readonly ok: false; readonly reason: SignatureCheck | 'malformed' };

/** Verifies a signed webhook body (exact bytes as received) and parses it as JSON. */
export function verifySignedJson(
  secret: string,
  headers: { readonly timestamp: string | undefined; readonly signature: string | undefined },
  rawBody: string,
  nowMs: number,
): SignedJsonVerdict {
  const check = checkSignedPayload({ secret, ...headers, body: rawBody, nowMs });
  if (check !== 'valid') return { ok: false, reason: check };
  try {
    return { ok: true, payload: JSON.parse(rawBody) as unknown };
  } catch {
    return { ok: false, reason: 'malformed' };
  }
}
