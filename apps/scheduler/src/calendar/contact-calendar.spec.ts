import { DateTime } from 'luxon';
import { type ContactRules, placeCall, quietHoursFrom } from './contact-calendar';
import { HolidayCalendar } from './holiday-calendar';
import { quietWindowFrom } from './patient-quiet-times';

const ZONE = 'Asia/Shanghai';
const at = (iso: string): DateTime => DateTime.fromISO(iso, { zone: ZONE });
const SLOTS = [10 * 60 + 30, 16 * 60];

function rules(overrides: Partial<ContactRules> = {}): ContactRules {
  return {
    callSlots: SLOTS,
    quietHours: quietHoursFrom('21:00', '08:00'),
    holidays: new HolidayCalendar('none'),
    blocked: [],
    ...overrides,
  };
}

const iso = (time: DateTime | undefined): string | undefined =>
  time?.toISO({ suppressMilliseconds: true }) ?? undefined;

describe('placeCall', () => {
  it.each([
    ['2026-03-10T00:00', '2026-03-10T10:30:00+08:00'],
    ['2026-03-10T10:30', '2026-03-10T10:30:00+08:00'],
    ['2026-03-10T10:31', '2026-03-10T16:00:00+08:00'],
    ['2026-03-10T16:01', '2026-03-11T10:30:00+08:00'],
  ])('slot alignment: %s -> %s', (candidate, due) => {
    expect(iso(placeCall(at(candidate), 'slot', rules())?.due)).toBe(due);
  });

  it.each([
    ['2026-03-10T20:59', '2026-03-10T20:59:00+08:00'],
    ['2026-03-10T21:00', '2026-03-11T08:00:00+08:00'],
    ['2026-03-11T03:00', '2026-03-11T08:00:00+08:00'],
    ['2026-03-11T08:00', '2026-03-11T08:00:00+08:00'],
  ])('exact time with quiet hours wrapping midnight: %s -> %s', (candidate, due) => {
    expect(iso(placeCall(at(candidate), 'exact', rules())?.due)).toBe(due);
  });

  it('quiet hours inside one day (12:00-14:00 lunch) defer to their end', () => {
    const lunch = rules({ quietHours: quietHoursFrom('12:00', '14:00') });
    expect(iso(placeCall(at('2026-03-10T12:30'), 'exact', lunch)?.due)).toBe('2026-03-10T14:00:00+08:00');
  });

  it('skips slots that fall inside quiet hours', () => {
    const evening = rules({ callSlots: [10 * 60 + 30, 21 * 60 + 30], quietHours: quietHoursFrom('21:00', '08:00') });
    expect(iso(placeCall(at('2026-03-10T17:00'), 'slot', evening)?.due)).toBe('2026-03-11T10:30:00+08:00');
  });

  it('a holiday defers to the next allowed day and says why', () => {
    const placed = placeCall(at('2026-10-01T09:00'), 'slot', rules({ holidays: new HolidayCalendar('cn-statutory') }));
    expect(iso(placed?.due)).toBe('2026-10-08T10:30:00+08:00');
    expect(placed?.deferrals[0]).toBe('deferred from 2026-10-01: holiday (国庆节)');
  });

  it('an organisation holiday (extra date) defers too', () => {
    const placed = placeCall(
      at('2026-03-10T09:00'),
      'slot',
      rules({ holidays: new HolidayCalendar('none', ['2026-03-10']) }),
    );
    expect(iso(placed?.due)).toBe('2026-03-11T10:30:00+08:00');
  });

  it("a patient's do-not-disturb period defers to its end, then to the next slot", () => {
    const blocked = [
      { from: at('2026-03-09T00:00'), to: at('2026-03-12T12:00'), why: 'patient do-not-disturb period' },
    ];
    const placed = placeCall(at('2026-03-10T09:00'), 'slot', rules({ blocked }));
    expect(iso(placed?.due)).toBe('2026-03-12T16:00:00+08:00');
    expect(placed?.deferrals).toEqual(['deferred: patient do-not-disturb period']);
  });

  it('a long block defers to its end in one step', () => {
    const blocked = [{ from: at('2026-01-01T00:00'), to: at('2036-01-01T00:00'), why: 'blocked' }];
    expect(iso(placeCall(at('2026-03-10T09:00'), 'slot', rules({ blocked }))?.due)).toBe('2036-01-01T10:30:00+08:00');
  });

  it('returns undefined (never loops forever) when day after day is blocked beyond the search limit', () => {
    const start = at('2026-03-10T00:00');
    const blocked = Array.from({ length: 900 }, (_, day) => ({
      from: start.plus({ days: day }),
      to: start.plus({ days: day, hours: 23, minutes: 59 }),
      why: 'blocked',
    }));
    expect(placeCall(at('2026-03-10T09:00'), 'slot', rules({ blocked }))).toBeUndefined();
  });
});

describe('placeCall with patient quiet times', () => {
  const lunchOnWeekdays = quietWindowFrom({ from: '10:00', to: '14:00', daysOfWeek: [1, 2, 3, 4, 5] });
  const nights = quietWindowFrom({ from: '20:00', to: '09:30', validUntil: '2026-03-31' });

  it('a weekday window skips the 10:30 slot to 16:00; on Saturday the slot is kept', () => {
    const patientQuiet = lunchOnWeekdays ? [lunchOnWeekdays] : [];
    const tuesday = placeCall(at('2026-03-10T09:00'), 'slot', rules({ patientQuiet }));
    expect(iso(tuesday?.due)).toBe('2026-03-10T16:00:00+08:00');
    expect(tuesday?.deferrals).toEqual(["deferred from 2026-03-10 10:30: patient's quiet time 10:00-14:00"]);
    expect(iso(placeCall(at('2026-03-14T09:00'), 'slot', rules({ patientQuiet }))?.due)).toBe(
      '2026-03-14T10:30:00+08:00',
    );
  });

  it('a window past midnight defers early exact calls to its end, only while it is valid', () => {
    const patientQuiet = nights ? [nights] : [];
    expect(iso(placeCall(at('2026-03-11T08:15'), 'exact', rules({ patientQuiet }))?.due)).toBe(
      '2026-03-11T09:30:00+08:00',
    );
    expect(iso(placeCall(at('2026-04-02T08:15'), 'exact', rules({ patientQuiet }))?.due)).toBe(
      '2026-04-02T08:15:00+08:00',
    );
  });
});

describe('HolidayCalendar', () => {
  it('uses the official schedule where it exists (2026 Spring Festival, 9 days off)', () => {
    const calendar = new HolidayCalendar('cn-statutory');
    expect(calendar.holidayName('2026-02-15')).toBe('春节');
    expect(calendar.holidayName('2026-02-23')).toBe('春节');
    expect(calendar.holidayName('2026-02-24')).toBeUndefined();
  });

  it('computes the statutory days for years without an official schedule yet (2027)', () => {
    const calendar = new HolidayCalendar('cn-statutory');
    // Lunar new year 2027 is 2027-02-06: eve 02-05 plus the first three days.
    expect(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'].map((day) => calendar.holidayName(day))).toEqual([
      '春节',
      '春节',
      '春节',
      '春节',
    ]);
    expect(calendar.holidayName('2027-02-09')).toBeUndefined();
    expect(calendar.holidayName('2027-04-05')).toBe('清明节');
    expect(calendar.holidayName('2027-10-03')).toBe('国庆节');
    expect(calendar.holidayName('2027-10-04')).toBeUndefined();
  });

  it('"none" observes only the organisation dates', () => {
    expect(new HolidayCalendar('none').holidayName('2026-10-01')).toBeUndefined();
  });
});
