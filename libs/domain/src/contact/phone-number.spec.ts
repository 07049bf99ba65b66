import { PhoneNumber, type PhoneNumberProblem } from './phone-number';

function parsed(raw: string, defaultAreaCode?: string): PhoneNumber {
  const result = PhoneNumber.parse(raw, defaultAreaCode === undefined ? {} : { defaultAreaCode });
  if (!result.ok) throw new Error(`expected ${raw} to parse, got ${result.problem}`);
  return result.phone;
}

describe('PhoneNumber', () => {
  it.each([
    '13812345678',
    '138 1234 5678',
    '138-1234-5678',
    '+86 138 1234 5678',
    '+86-13812345678',
    '0086 13812345678',
    '8613812345678',
    '（+86）１３８１２３４５６７８',
  ])('normalises the mobile %s to E.164', (raw) => {
    const phone = parsed(raw);
    expect(phone.e164).toBe('+8613812345678');
    expect(phone.kind).toBe('mobile');
    expect(phone.national).toBe('13812345678');
    expect(phone.canReceiveSms).toBe(true);
  });

  it.each([
    ['010-12345678', '+861012345678', '010'],
    ['+86 10 1234 5678', '+861012345678', '010'],
    ['(021) 6123 4567', '+862161234567', '021'],
    ['0755-12345678', '+8675512345678', '0755'],
    ['+86 755 1234 5678', '+8675512345678', '0755'],
    ['0086 0755 1234567', '+867551234567', '0755'],
    ['0871-1234567', '+868711234567', '0871'],
  ])('normalises the landline %s', (raw, e164, areaCode) => {
    const phone = parsed(raw);
    expect(phone.e164).toBe(e164);
    expect(phone.kind).toBe('landline');
    expect(phone.areaCode).toBe(areaCode);
    expect(phone.canReceiveSms).toBe(false);
  });

  it('keeps an extension apart from the number', () => {
    const phone = parsed('0755-12345678 转 801');
    expect(phone.e164).toBe('+8675512345678');
    expect(phone.extension).toBe('801');
    expect(parsed('010 1234 5678 ext. 12').extension).toBe('12');
  });

  it('uses the default area code for a landline written without one', () => {
    expect(parsed('8765 4321', '0755').e164).toBe('+8675587654321');
  });

  it.each<[string, PhoneNumberProblem]>([
    ['', 'empty'],
    ['   ', 'empty'],
    ['138 1234 567a', 'characters'],
    ['+1 415 555 0100', 'unsupported-country'],
    ['+852 9123 4567', 'unsupported-country'],
    ['12812345678', 'mobile-prefix'],
    ['1381234567', 'length'],
    ['138123456789', 'length'],
    ['87654321', 'missing-area-code'],
    ['12345678', 'length'],
    ['010-1234567', 'length'],
    ['0755-123456', 'length'],
  ])('rejects %j as %s', (raw, problem) => {
    expect(PhoneNumber.parse(raw)).toEqual({ ok: false, problem });
  });

  it('rejects a malformed default area code instead of guessing', () => {
    expect(PhoneNumber.parse('87654321', { defaultAreaCode: '755' })).toEqual({
      ok: false,
      problem: 'missing-area-code',
    });
  });

  it('masks for display and never prints the full number by accident', () => {
    const mobile = parsed('+86 138 1234 5678');
    expect(mobile.masked).toBe('138****5678');
    expect(`${mobile}`).toBe('138****5678');
    expect(JSON.stringify({ mobile })).toBe('{"mobile":"138****5678"}');
    expect(parsed('0755-12345678').masked).toBe('0755-****5678');
    expect(parsed('010-12345678').masked).toBe('010-****5678');
  });

  it('compares by normalised number and extension', () => {
    expect(parsed('138 1234 5678').equals(parsed('+8613812345678'))).toBe(true);
    expect(parsed('010-12345678 转 1').equals(parsed('010-12345678'))).toBe(false);
  });
});
