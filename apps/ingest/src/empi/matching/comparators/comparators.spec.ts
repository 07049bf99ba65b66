import { type PersonRecord } from '../person-record';
import { prepareRecord } from '../prepared-record';
import { FIELD_INDEX, MISSING } from './comparison-levels';
import { comparisonVector } from './record-comparator';
import { compareBirthDate, compareCode, compareLocality, compareStreet } from './value-comparators';

const person = (fields: Partial<PersonRecord>): PersonRecord => ({ id: 'x', name: {}, ...fields });

describe('field comparators', () => {
  it('grades birth dates: exact, day/month swap, one typo, two parts agree, different, missing', () => {
    expect(compareBirthDate('19800512', '19800512')).toBe(0);
    expect(compareBirthDate('19800512', '19801205')).toBe(1);
    expect(compareBirthDate('19800512', '19800513')).toBe(2);
    expect(compareBirthDate('19800512', '19750512')).toBe(3);
    expect(compareBirthDate('19800512', '19911203')).toBe(4);
    expect(compareBirthDate(undefined, '19911203')).toBe(MISSING);
  });

  it('grades codes by one typing error', () => {
    expect(compareCode('5967384', '5967384')).toBe(0);
    expect(compareCode('5967384', '5967834')).toBe(1);
    expect(compareCode('5967384', '1804974')).toBe(2);
  });

  it('treats a street written without its space as close', () => {
    expect(compareStreet('pridham street', 'pridhamstreet')).toBe(1);
    expect(compareStreet('oliver street', 'goldfinch circuit')).toBe(3);
  });

  it('grades postcode, suburb and state as one locality', () => {
    expect(compareLocality({ postcode: '2119', suburb: 'cleveland' }, { postcode: '2119', suburb: 'cleveland' })).toBe(
      0,
    );
    expect(compareLocality({ postcode: '2119', suburb: 'cleveland' }, { postcode: '2119', suburb: 'marsden' })).toBe(1);
    expect(compareLocality({ postcode: '2119', state: 'nsw' }, { postcode: '3165', state: 'nsw' })).toBe(3);
    expect(compareLocality({}, { postcode: '3165' })).toBe(MISSING);
  });
});

describe('record comparison', () => {
  const vector = (a: PersonRecord, b: PersonRecord): Uint8Array =>
    comparisonVector(prepareRecord(a, 0), prepareRecord(b, 1));

  it('scores a homophone given name, traditional characters and a +86 mobile as agreement', () => {
    const v = vector(
      person({ name: { fullHan: '陈晓明' }, mobile: '13800138000' }),
      person({ name: { fullHan: '陳小明' }, mobile: '+86 138 0013 8000' }),
    );
    expect(v[FIELD_INDEX.surname]).toBe(0);
    expect(v[FIELD_INDEX.given]).toBe(1);
    expect(v[FIELD_INDEX.mobile]).toBe(0);
  });

  it('compares a romanised name, even written given name first, with its Han characters', () => {
    const v = vector(person({ name: { fullHan: '王小明' } }), person({ name: { latin: 'Xiaoming Wang' } }));
    expect(v[FIELD_INDEX.surname]).toBe(1);
    expect(v[FIELD_INDEX.given]).toBe(1);
  });

  it('recognises swapped surname and given name', () => {
    const v = vector(
      person({ name: { given: 'sarah', family: 'bruhn' } }),
      person({ name: { given: 'bruhn', family: 'sarah' } }),
    );
    expect([v[FIELD_INDEX.surname], v[FIELD_INDEX.given]]).toEqual([0, 0]);
  });

  it('takes birth date and sex from a valid ID card when the record states none', () => {
    const v = vector(
      person({ identifiers: { residentIdCard: '11010519491231002X' } }),
      person({ birthDate: '1949-12-31', sex: 'female' }),
    );
    expect(v[FIELD_INDEX.birthDate]).toBe(0);
    expect(v[FIELD_INDEX.sex]).toBe(0);
  });
});
