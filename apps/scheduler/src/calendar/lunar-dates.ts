import { Lunar, LunarYear } from 'lunar-javascript';

export interface LunarMonthDay {
  readonly month: number;
  readonly day: number;
}

/**
 * The Gregorian date (yyyy-MM-dd) of a lunar month/day in a lunar year. A day past the end of a short
 * lunar month (e.g. 12/30 in a year whose twelfth month has 29 days, the usual "除夕" case) is clamped
 * to the month's last day, so "lunar new year's eve" always exists.
 */
export function solarDateOfLunar(lunarYear: number, date: LunarMonthDay): string {
  const key = `${lunarYear}-${date.month}-${date.day}`;
  let solar = SOLAR_BY_LUNAR.get(key);
  if (solar === undefined) {
    solar = computeSolarDate(lunarYear, date);
    SOLAR_BY_LUNAR.set(key, solar);
  }
  return solar;
}

// Lunar conversions are costly (astronomical series) and pure: remembered per process.
const SOLAR_BY_LUNAR = new Map<string, string>();

function computeSolarDate(lunarYear: number, date: LunarMonthDay): string {
  const month = LunarYear.fromYear(lunarYear).getMonth(date.month);
  const day = month ? Math.min(date.day, month.getDayCount()) : date.day;
  return Lunar.fromYmd(lunarYear, date.month, day).getSolar().toYmd();
}

export function qingmingDate(year: number): string {
  const table = Lunar.fromYmd(year, 3, 1).getJieQiTable();
  const solar = table['清明'];
  if (!solar) throw new Error(`no Qingming solar term for ${year}`);
  return solar.toYmd();
}
