import { checkSignedPayload, signPayload } from './signed-payload';

const EXPECTED_HEX = '2bfd09ec1b20bcfd4b35027d0ef779e7a497598f50083bce0e5eaf9383ba0db5';

describe('signed provider payloads', () => {
  const now = 1_795_000_000_000;
  const body = '{"callId":"c-1","type":"ended"}';
  const timestamp = String(now / 1000);
  const signature = signPayload('webhook-secret', timestamp, body);

  it('is HMAC-SHA256 over "<timestamp>.<body>" in hex, prefixed with the scheme version', () => {
    // echo -n '1795000000.{"callId":"c-1","type":"ended"}' | openssl dgst -sha256 -hmac webhook-secret
    expect(signature).toBe(`v1=${EXPECTED_HEX}`);
  });

  it('accepts the exact body and refuses a changed body, timestamp, secret or an old timestamp', () => {
    const check = (overrides: Partial<Parameters<typeof checkSignedPayload>[0]>) =>
      checkSignedPayload({ secret: 'webhook-secret', timestamp, signature, body, nowMs: now, ...overrides });
    expect(check({})).toBe('valid');
    expect(check({ body: body.replace('ended', 'answered') })).toBe('bad-signature');
    expect(check({ timestamp: String(now / 1000 + 1) })).toBe('bad-signature');
    expect(check({ secret: 'other' })).toBe('bad-signature');
    expect(check({ signature: undefined })).toBe('bad-signature');
    expect(check({ nowMs: now + 301_000 })).toBe('stale');
    expect(check({ nowMs: now - 301_000 })).toBe('stale');
  });
});
