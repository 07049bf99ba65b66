import { makeName } from '../../normalise/person-name';
import { type PatientSnapshot } from '../../normalise/normalised-event';
import { EmpiError } from '../empi.errors';
import { catalogueDemographics, changedFields } from './catalogue-demographics';
import { personRecordFromSnapshot } from './person-record-from-snapshot';
import { sourceRecordKey } from './source-record-key';

const snapshot = (overrides: Partial<PatientSnapshot> = {}): PatientSnapshot => ({
  enterpriseId: null,
  identifiers: [
    { value: '11010519491231002X', system: 'CHN', type: 'NI' },
    { value: 'MRN 884201', system: 'HOSP-A', type: 'MR' },
  ],
  names: [makeName('王', '小明')!, makeName('Wang', 'Xiaoming', 'A')!],
  sex: 'male',
  birthDate: '1949-12-31',
  phones: [
    { value: '+8613800138000', use: 'mobile' },
    { value: '62001234', use: 'home' },
  ],
  addresses: [
    { text: '北京市朝阳区建国路1号', state: '北京市', city: '北京市', district: '朝阳区', postalCode: '100022' },
  ],
  ...overrides,
});

describe('source record key', () => {
  it('keys a record by the system’s own record number, never by a national id listed first', () => {
    expect(sourceRecordKey('HIS@HOSP-A', snapshot())).toEqual({ sourceSystem: 'HIS@HOSP-A', localId: 'MRN_884201' });
  });

  it('refuses a patient with no identifier at all', () => {
    expect(() => sourceRecordKey('HIS@HOSP-A', snapshot({ identifiers: [] }))).toThrow(EmpiError);
  });
});

describe('matcher view of a source patient', () => {
  it('passes the Han name, identifiers with matching rules, the mobile and the address', () => {
    expect(personRecordFromSnapshot('r1', snapshot())).toEqual({
      id: 'r1',
      name: { fullHan: '王小明', family: '王', given: '小明', latin: 'Xiaoming Wang' },
      birthDate: '1949-12-31',
      sex: 'male',
      identifiers: { residentIdCard: '11010519491231002X' },
      mobile: '+8613800138000',
      address: { text: '北京市朝阳区建国路1号', postcode: '100022', state: '北京市', suburb: '北京市' },
    });
  });

  it('reads a romanised Chinese name surname first, and a Western one as family and given', () => {
    const pinyin = personRecordFromSnapshot('r2', snapshot({ names: [makeName('Huang', 'Weidong', 'A')!] }));
    expect(pinyin.name).toEqual({ latin: 'Huang Weidong' });
    const western = personRecordFromSnapshot('r3', snapshot({ names: [makeName('Smith', 'John', 'A')!] }));
    expect(western.name).toEqual({ family: 'Smith', given: 'John', latin: 'John Smith' });
  });
});

describe('catalogue demographics', () => {
  it('carries only what the contract can hold: E.164 phones, 6-digit postcodes, whitespace-free ids', () => {
    const demographics = catalogueDemographics('HIS@HOSP-A', snapshot());
    expect(demographics.phones).toEqual([{ number: '+8613800138000', kind: 'mobile', use: 'primary' }]);
    expect(demographics.identifiers).toEqual([{ system: 'CHN', value: '11010519491231002X', type: 'NI' }]);
    expect(demographics.address).toMatchObject({ postalCode: '100022', district: '朝阳区' });
    expect(demographics.names.map((n) => n.representation)).toEqual(['ideographic', 'alphabetic']);
  });

  it('names exactly the fields that changed', () => {
    const before = catalogueDemographics('S', snapshot());
    const after = catalogueDemographics(
      'S',
      snapshot({ phones: [{ value: '+8613900139000', use: 'mobile' }], deceased: true }),
    );
    expect(changedFields(before, after)).toEqual(['phones', 'deceased']);
    expect(changedFields(before, before)).toEqual([]);
  });
});
