/**
 * Dates as the hospital reads them: every instant is shown in Asia/Shanghai whatever the browser's zone, and
 * calendar dates (`YYYY-MM-DD`) are the organisation's local days, as the analytics API expects them.
 */
import { type Locale } from '../i18n/messages';

export const ORG_TIME_ZONE = 'Asia/Shanghai';

const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();

/** `2026-03-02 20:00` in Shanghai time (both locales use the ISO-like order hospital staff expect). */
export function formatInstant(iso: string, locale: Locale): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  let format = dateTimeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', {
      timeZone: ORG_TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    dateTimeFormats.set(locale, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}`;
}

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: ORG_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Shanghai calendar day an instant falls on, `YYYY-MM-DD`. */
export function shanghaiDate(instant: Date): string {
  return dayFormat.format(instant);
}

/** Calendar arithmetic on `YYYY-MM-DD` through UTC noon-free day numbers, so no zone can shift a day. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export type PeriodPreset = 'last7' | 'last30' | 'thisMonth' | 'lastMonth' | 'thisQuarter';
export const PERIOD_PRESETS: readonly PeriodPreset[] = ['last7', 'last30', 'thisMonth', 'lastMonth', 'thisQuarter'];

export interface DateRange {
  readonly from: string;
  readonly to: string;
}

/** Inclusive date range of a preset, counted from `today` (a Shanghai date). */
export function presetRange(preset: PeriodPreset, today: string): DateRange {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const monthStart = (year: number, month: number): string =>
    new Date(Date.UTC(year, month - 1, 1)).toISOString().slice(0, 10);
  switch (preset) {
    case 'last7':
      return { from: addDays(today, -6), to: today };
    case 'last30':
      return { from: addDays(today, -29), to: today };
    case 'thisMonth':
      return { from: monthStart(y, m), to: today };
    case 'lastMonth':
      return { from: monthStart(y, m - 1), to: addDays(monthStart(y, m), -1) };
    case 'thisQuarter':
      return { from: monthStart(y, m - ((m - 1) % 3)), to: today };
  }
}

/** Whole years between a birth date and a day, both `YYYY-MM-DD` (Chinese staff speak of 周岁). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
