import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The generic signed provider protocol (CTI, voice robot) as apps/outreach/README.md describes it:
 * `x-revisit-signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`, `x-revisit-timestamp`
 * in Unix seconds, `x-revisit-key-id`. Written here from the description rather than imported from outreach,
 * so a fake checks the adapter's signing instead of agreeing with it by construction.
 */
export const SIGNATURE_HEADER = 'x-revisit-signature';
export const TIMESTAMP_HEADER = 'x-revisit-timestamp';
export const KEY_ID_HEADER = 'x-revisit-key-id';
const REPLAY_WINDOW_SECONDS = 300;

function signPayload(secret: string, timestamp: string, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

export function signedHeaders(keyId: string, secret: string, body: string, nowMs: number): Record<string, string> {
  const timestamp = String(Math.floor(nowMs / 1000));
  return {
    'content-type': 'application/json; charset=utf-8',
    [KEY_ID_HEADER]: keyId,
    [TIMESTAMP_HEADER]: timestamp,
    [SIGNATURE_HEADER]: signPayload(secret, timestamp, body),
  };
}

export function checkSignedPayload(input: {
  readonly secret: string;
  readonly timestamp: string | undefined;
  readonly signature: string | undefined;
  readonly body: string;
  readonly nowMs: number;
}): 'valid' | 'bad-signature' | 'stale' {
  const { timestamp, signature } = input;
  if (timestamp === undefined || signature === undefined || !/^\d{1,12}$/.test(timestamp)) return 'bad-signature';
  const expected = Buffer.from(signPayload(input.secret, timestamp, input.body), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'bad-signature';
  return Math.abs(input.nowMs / 1000 - Number(timestamp)) > REPLAY_WINDOW_SECONDS ? 'stale' : 'valid';
}
