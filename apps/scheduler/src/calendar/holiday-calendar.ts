import { HolidayUtil } from 'lunar-javascript';
import { DateTime } from 'luxon';
import { qingmingDate, solarDateOfLunar } from './lunar-dates';

export type HolidayCalendarName = 'cn-statutory' | 'none';

/**
 * Days on which calls are not placed. For `cn-statutory`, the official State Council schedule bundled
 * in lunar-javascript is used where it exists (it includes the bridge days and the make-up working
 * days, 调休). For years it does not cover yet, the 13 statutory days fixed by the 2025 regulation are
 * computed (New Year 1, Spring Festival eve + 3, Qingming 1, Labour Day 2, Dragon Boat 1, Mid-Autumn 1,
 * National Day 3); administrators add the published bridge days as `extraDates`.
 */
// Year tables are pure functions of the year: shared by every calendar instance.
const STATUTORY_BY_YEAR = new Map<number, ReadonlyMap<string, string>>();

function statutoryDaysOff(year: number): ReadonlyMap<string, string> {
  let table = STATUTORY_BY_YEAR.get(year);
  if (!table) {
    table = officialDaysOff(year) ?? computedStatutoryDays(year);
    STATUTORY_BY_YEAR.set(year, table);
  }
  return table;
}

export class HolidayCalendar {
  constructor(
    private readonly calendar: HolidayCalendarName,
    private readonly extraDates: readonly string[] = [],
  ) {}

  /** The holiday's name when `isoDate` (yyyy-MM-dd) is a day off, otherwise undefined. */
  holidayName(isoDate: string): string | undefined {
    if (this.extraDates.includes(isoDate)) return 'organisation holiday';
    if (this.calendar === 'none') return undefined;
    return statutoryDaysOff(Number(isoDate.slice(0, 4))).get(isoDate);
  }
}

function officialDaysOff(year: number): Map<string, string> | undefined {
  const holidays = HolidayUtil.getHolidays(year);
  if (holidays.length === 0) return undefined;
  return new Map(
    holidays.filter((holiday) => !holiday.isWork()).map((holiday) => [holiday.getDay(), holiday.getName()]),
  );
}

function computedStatutoryDays(year: number): Map<string, string> {
  const days = new Map<string, string>();
  const addRun = (firstIsoDate: string, count: number, name: string): void => {
    const first = DateTime.fromISO(firstIsoDate, { zone: 'UTC' });
    for (let i = 0; i < count; i++) days.set(first.plus({ days: i }).toISODate() as string, name);
  };
  addRun(`${year}-01-01`, 1, '元旦');
  addRun(solarDateOfLunar(year - 1, { month: 12, day: 30 }), 4, '春节');
  addRun(qingmingDate(year), 1, '清明节');
  addRun(`${year}-05-01`, 2, '劳动节');
  addRun(solarDateOfLunar(year, { month: 5, day: 5 }), 1, '端午节');
  addRun(solarDateOfLunar(year, { month: 8, day: 15 }), 1, '中秋节');
  addRun(`${year}-10-01`, 3, '国庆节');
  return days;
}
