import { EmpiMatchingError, EmpiMatchingErrorCode } from '../matching.errors';
import { readFebrlCsv } from './febrl-format';
import { readRevisitCsv } from './revisit-format';

const codeOf = (run: () => unknown): EmpiMatchingErrorCode | undefined => {
  try {
    run();
  } catch (error) {
    if (error instanceof EmpiMatchingError) return error.code;
    throw error;
  }
  return undefined;
};

describe('readRevisitCsv', () => {
  it('maps columns by header name, in any order, and reads Chinese and Latin sex codes', () => {
    const [a, b] = readRevisitCsv(
      'mobile,id,name,sex,birth_date,passport,extra\n+86 13800138000,p1,王小明,男,1980-05-12,E1234567,x\n,p2,,F,,,\n',
      'in.csv',
    );
    expect(a).toMatchObject({ id: 'p1', name: { fullHan: '王小明' }, sex: 'male', mobile: '+86 13800138000' });
    expect(a!.identifiers?.passport).toBe('E1234567');
    expect(b).toMatchObject({ id: 'p2', sex: 'female', birthDate: undefined, mobile: undefined });
  });

  it('reports a malformed file by line number only, never by content', () => {
    let message = '';
    try {
      readRevisitCsv('id,name\np1,"王小明\n', 'in.csv');
    } catch (error) {
      message = (error as Error).message;
      expect((error as EmpiMatchingError).code).toBe(EmpiMatchingErrorCode.MalformedCsv);
    }
    expect(message).toMatch(/in\.csv: malformed CSV/);
    expect(message).not.toMatch(/王小明/);
  });

  it('rejects missing and repeated ids', () => {
    expect(codeOf(() => readRevisitCsv('id,name\n,王小明\n', 'in.csv'))).toBe(EmpiMatchingErrorCode.MissingRecordId);
    expect(codeOf(() => readRevisitCsv('id,name\np1,a\np1,b\n', 'in.csv'))).toBe(
      EmpiMatchingErrorCode.DuplicateRecordId,
    );
  });
});

describe('readFebrlCsv', () => {
  it('strips the space after each comma and keeps leading zeros', () => {
    const [record] = readFebrlCsv(
      'rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, date_of_birth, soc_sec_id\n' +
        'rec-1-org, , waller, 6, tullaroop street, willaroo, st james, 0811, wa, 19081209, 0988048\n',
      'f.csv',
    );
    expect(record).toMatchObject({
      id: 'rec-1-org',
      name: { given: undefined, family: 'waller' },
      birthDate: '19081209',
      identifiers: { otherId: '0988048' },
      address: { postcode: '0811', suburb: 'st james', state: 'wa' },
    });
  });

  it('requires the FEBRL columns', () => {
    expect(codeOf(() => readFebrlCsv('rec_id, surname\nx, y\n', 'f.csv'))).toBe(EmpiMatchingErrorCode.MissingColumn);
  });
});
