import { hl7DateTimeToIso, hl7DateToIso, localDateTimeToIso } from './date-time';
import { detectScript, makeName } from './person-name';
import { normalisePhone } from './phone';

describe('normalise helpers', () => {
  it('converts HL7 DTM values, defaulting to Asia/Shanghai', () => {
    expect(hl7DateTimeToIso('20240131083000')).toBe('2024-01-31T08:30:00+08:00');
    expect(hl7DateTimeToIso('20240131083000.25-0500')).toBe('2024-01-31T08:30:00.250-05:00');
    expect(hl7DateTimeToIso('202401310830')).toBe('2024-01-31T08:30:00+08:00');
    expect(hl7DateTimeToIso('20240131')).toBe('2024-01-31');
    expect(hl7DateTimeToIso('20240231')).toBeUndefined();
    expect(hl7DateTimeToIso('garbage')).toBeUndefined();
    expect(hl7DateToIso('19800101120000')).toBe('1980-01-01');
    expect(hl7DateToIso('198001')).toBe('1980-01');
  });

  it('checks dates against the calendar, leap years included', () => {
    expect(
      ['20240229', '20000229', '20230229', '19000229', '20240431', '20241301', '20240100'].map((v) => hl7DateToIso(v)),
    ).toEqual(['2024-02-29', '2000-02-29', undefined, undefined, undefined, undefined, undefined]);
  });

  it('answers a repeated timestamp the same way, per zone', () => {
    for (let round = 0; round < 2; round++) {
      expect(hl7DateTimeToIso('20240310083000', 'Asia/Shanghai')).toBe('2024-03-10T08:30:00+08:00');
      // 02:30 on the US spring-forward day does not exist in New York; luxon moves it an hour on.
      expect(hl7DateTimeToIso('20240310023000', 'America/New_York')).toBe('2024-03-10T03:30:00-04:00');
      expect(hl7DateTimeToIso('20240310083000', 'America/New_York')).toBe('2024-03-10T08:30:00-04:00');
    }
  });

  it('reads ERP local times', () => {
    expect(localDateTimeToIso('2024/3/1 10:02')).toBe('2024-03-01T10:02:00+08:00');
    expect(localDateTimeToIso('2024-03-01 09:15:00')).toBe('2024-03-01T09:15:00+08:00');
    expect(localDateTimeToIso('2024-03-01T11:30:00+08:00')).toBe('2024-03-01T11:30:00+08:00');
    expect(localDateTimeToIso('2024-13-45 25:00')).toBeUndefined();
  });

  it('normalises mainland numbers to E.164 and keeps foreign numbers as digits', () => {
    expect(normalisePhone('+86 139-1234-5678')).toEqual({ value: '+8613912345678', mobile: true, mainland: true });
    expect(normalisePhone('0086 13912345678')?.value).toBe('+8613912345678');
    expect(normalisePhone('021-64041990')).toEqual({ value: '+862164041990', mobile: false, mainland: true });
    expect(normalisePhone('(905)111-1111')).toEqual({ value: '9051111111', mobile: false, mainland: false });
    expect(normalisePhone('+31 20 1234567')?.value).toBe('+31201234567');
    expect(normalisePhone('123')).toBeUndefined();
  });

  it('classifies scripts and adds pinyin to Han names', () => {
    expect(makeName('张', '三')).toEqual({
      family: '张',
      given: '三',
      text: '张三',
      script: 'ideographic',
      pinyin: 'zhang san',
    });
    expect(makeName('Doe', 'John')?.text).toBe('John Doe');
    expect(detectScript('カンジャ')).toBe('phonetic');
    expect(detectScript('Wang', 'A')).toBe('alphabetic');
  });
});
