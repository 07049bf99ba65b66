import {
  maskResidentIdCard,
  parseResidentIdCard,
  residentIdCheckChar,
  upgradeLegacyResidentId,
} from './resident-id-card';

describe('parseResidentIdCard (GB 11643-1999)', () => {
  it('accepts the standard example and reads birth date and sex from it', () => {
    const result = parseResidentIdCard('11010519491231002X');
    expect(result).toEqual({
      ok: true,
      card: { value: '11010519491231002X', areaCode: '110105', birthDate: '1949-12-31', sex: 'female' },
    });
  });

  it('accepts a lower-case x check character', () => {
    expect(parseResidentIdCard('11010519491231002x').ok).toBe(true);
  });

  it('rejects a wrong check digit', () => {
    expect(parseResidentIdCard('110105194912310021')).toEqual({ ok: false, problem: 'check-digit' });
  });

  it('rejects an impossible birth date even when the check digit matches', () => {
    const first17 = '11010519490230001';
    expect(parseResidentIdCard(first17 + residentIdCheckChar(first17))).toEqual({ ok: false, problem: 'birth-date' });
  });

  it('rejects numbers of the wrong length or with letters', () => {
    expect(parseResidentIdCard('1101051949123100')).toEqual({ ok: false, problem: 'format' });
    expect(parseResidentIdCard('11010519491231A02X')).toEqual({ ok: false, problem: 'format' });
  });
});

describe('upgradeLegacyResidentId', () => {
  it('turns a 15-digit first-generation number into the valid 18-digit form', () => {
    const upgraded = upgradeLegacyResidentId('110105491231002');
    expect(upgraded).toBe('11010519491231002X');
    expect(parseResidentIdCard(upgraded!)).toMatchObject({ ok: true, card: { birthDate: '1949-12-31' } });
  });

  it.each(['11010549123100', '11010519491231002X', '11010549123100A'])('ignores %s', (raw) => {
    expect(upgradeLegacyResidentId(raw)).toBeUndefined();
  });
});

describe('maskResidentIdCard', () => {
  it('keeps the first and last four characters only', () => {
    expect(maskResidentIdCard('11010519491231002X')).toBe('1101**********002X');
    expect(maskResidentIdCard('110105491231002')).toBe('1101*******1002');
  });

  it('masks short values completely', () => {
    expect(maskResidentIdCard('12345678')).toBe('********');
  });
});
