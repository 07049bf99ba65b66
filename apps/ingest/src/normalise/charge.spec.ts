import { chargeFrom, sumCharges } from './charge';

describe('chargeFrom', () => {
  it('reads amounts as senders write them into exact minor units', () => {
    expect(chargeFrom('128.00')).toEqual({ amountMinor: 12800, currency: 'CNY' });
    expect(chargeFrom('¥1,280.5')).toEqual({ amountMinor: 128050, currency: 'CNY' });
    expect(chargeFrom('36.8元')).toEqual({ amountMinor: 3680, currency: 'CNY' });
    expect(chargeFrom('0.1')).toEqual({ amountMinor: 10, currency: 'CNY' });
    expect(chargeFrom('19.9950')).toEqual({ amountMinor: 2000, currency: 'CNY' });
    expect(chargeFrom('19.9949')).toEqual({ amountMinor: 1999, currency: 'CNY' });
    expect(chargeFrom('0')).toEqual({ amountMinor: 0, currency: 'CNY' });
    expect(chargeFrom('1520', 'jpy')).toEqual({ amountMinor: 1520, currency: 'JPY' });
  });

  it('gives nothing for negative, unreadable or unknown-currency amounts', () => {
    expect(['-12.00', 'abc', '12.3.4', '', '1.23456'].map((t) => chargeFrom(t))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(chargeFrom(undefined)).toBeUndefined();
    expect(chargeFrom('12.00', 'yuan')).toBeUndefined();
  });
});

describe('sumCharges', () => {
  it('adds lines of one currency and refuses to add across currencies', () => {
    expect(sumCharges([chargeFrom('12.50'), undefined, chargeFrom('7.50')])).toEqual({
      amountMinor: 2000,
      currency: 'CNY',
    });
    expect(sumCharges([chargeFrom('12.50'), chargeFrom('100', 'JPY')])).toBeUndefined();
    expect(sumCharges([])).toBeUndefined();
  });
});
