import { redactErrorMessage, stackHash } from './error-redaction';

describe('redactErrorMessage', () => {
  it('removes names, phone numbers, ID numbers, e-mails and quoted values', () => {
    const message =
      'patient 张三 (id 11010519491231002X, phone 13812345678, mail zhang.san@example.com) rejected: "Li Wei"';
    const safe = redactErrorMessage(message);
    for (const secret of ['张三', '11010519491231002X', '13812345678', 'zhang.san@example.com', 'Li Wei']) {
      expect(safe).not.toContain(secret);
    }
    expect(safe).toContain('rejected');
  });

  it('keeps technical text and truncates long messages', () => {
    expect(redactErrorMessage('deadlock detected on relation outbox')).toBe('deadlock detected on relation outbox');
    expect(redactErrorMessage('x'.repeat(1000)).length).toBeLessThanOrEqual(303);
  });
});

describe('stackHash', () => {
  const throwFrom = (message: string): Error => new Error(message);

  it('is the same for the same throw site whatever the message, and differs by site', () => {
    const a = stackHash(throwFrom('patient 13812345678'));
    const b = stackHash(throwFrom('patient 13900000000'));
    const other = stackHash(new TypeError('patient 13812345678'));
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(a).toBe(b);
    expect(other).not.toBe(a);
  });
});
