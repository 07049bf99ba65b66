import { daysOfSupply } from './days-supply';
import { SupplyProblemCode } from './supply.errors';

const BOX = [
  { unit: '盒', contains: 3, of: '板' },
  { unit: '板', contains: 10, of: '片' },
];

describe('daysOfSupply', () => {
  it('divides the dispensed quantity by the daily amount and rounds down', () => {
    expect(daysOfSupply({ quantity: 30, unit: '片', sig: '每日3次 每次2片' })).toEqual({
      ok: true,
      days: 5,
      dailyAmount: 6,
      source: 'sig',
    });
    expect(daysOfSupply({ quantity: 30, unit: 'tab', sig: '1 tab BID' })).toMatchObject({ ok: true, days: 15 });
  });

  it('converts boxes and blisters into tablets (盒/板/片)', () => {
    expect(daysOfSupply({ quantity: 2, unit: '盒', sig: '每日1次 每次1片', packaging: BOX })).toMatchObject({
      days: 60,
    });
    expect(daysOfSupply({ quantity: 1, unit: '板', sig: '1-0-1', packaging: BOX })).toMatchObject({ days: 5 });
  });

  it('converts a dose by weight through the strength (10 mg a day of 5 mg tablets)', () => {
    const strength = { value: 5, unit: 'mg', per: '片' };
    expect(daysOfSupply({ quantity: 28, unit: '片', sig: '每日1次 每次10mg', strength })).toMatchObject({ days: 14 });
  });

  it('every-other-day sigs double the days', () => {
    expect(daysOfSupply({ quantity: 14, unit: '片', sig: '隔日1次 每次1片' })).toMatchObject({ days: 28 });
  });

  it('a return takes its quantity off before dividing', () => {
    expect(daysOfSupply({ quantity: 30, unit: '片', sig: 'qd 1片' }, 10)).toMatchObject({ days: 20 });
  });

  it.each([
    [{ quantity: 30, unit: '片', sig: '遵医嘱' }, SupplyProblemCode.SigFrequencyUnreadable],
    [{ quantity: 30, unit: '片', sig: '一日两次' }, SupplyProblemCode.SigDoseUnreadable],
    [{ quantity: 30, unit: '片', sig: 'prn' }, SupplyProblemCode.SigAsNeeded],
    [{ quantity: 30, unit: '片', sig: 'tid 1片 prn' }, SupplyProblemCode.SigAsNeeded],
    [{ quantity: 30, unit: '片' }, SupplyProblemCode.SigMissing],
    [{ quantity: 2, unit: '盒', sig: 'qd 1片' }, SupplyProblemCode.UnitNotConvertible],
    [{ quantity: 30, unit: '片', sig: '每日1次 每次10mg' }, SupplyProblemCode.UnitNotConvertible],
  ])('flags %j as %s instead of guessing', (amount, problem) => {
    expect(daysOfSupply(amount)).toEqual({ ok: false, problem });
  });

  it('falls back to the days of supply the pharmacist recorded when the sig cannot be read', () => {
    expect(daysOfSupply({ quantity: 30, unit: '片', sig: '遵医嘱', recordedDaysSupply: 30 })).toEqual({
      ok: true,
      days: 30,
      source: 'recorded',
    });
    expect(daysOfSupply({ quantity: 30, unit: '片', sig: '遵医嘱', recordedDaysSupply: 30 }, 15)).toMatchObject({
      days: 15,
    });
  });
});
