import { createHash, timingSafeEqual } from 'node:crypto';

export interface WechatSignatureParams {
  readonly signature: string;
  readonly timestamp: string;
  readonly nonce: string;
}

/** WeChat's server signature: SHA-1 of token, timestamp and nonce sorted and concatenated, hex. */
export function wechatSignature(token: string, timestamp: string, nonce: string): string {
  return createHash('sha1').update([token, timestamp, nonce].sort().join(''), 'utf8').digest('hex');
}

export type WechatSignatureCheck = 'valid' | 'bad-signature' | 'stale';

/**
 * Checks a push from WeChat's servers (message/event push and the URL verification GET). WeChat retries a
 * push three times within about 15 s, so a timestamp outside the window is a replay, not a retry.
 */
export function checkWechatSignature(
  token: string,
  params: Partial<WechatSignatureParams>,
  nowMs: number,
  windowSeconds = 300,
): WechatSignatureCheck {
  const { signature, timestamp, nonce } = params;
  if (!signature || !timestamp || !nonce || !/^\d{1,12}$/.test(timestamp)) return 'bad-signature';
  const expected = Buffer.from(wechatSignature(token, timestamp, nonce), 'utf8');
  const given = Buffer.from(signature.toLowerCase(), 'utf8');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'bad-signature';
  return Math.abs(nowMs / 1000 - Number(timestamp)) > windowSeconds ? 'stale' : 'valid';
}
