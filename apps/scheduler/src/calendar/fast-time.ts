import { DateTime } from 'luxon';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * Wall-clock moves for the hot paths of derivation. In a fixed-offset zone (what `computationZone` gives
 * for Asia/Shanghai) a day is always 24 h, so these are plain millisecond arithmetic, an order of
 * magnitude cheaper than luxon's `plus`/`startOf`, with identical results. Other zones use luxon.
 */
function fixedOffsetMs(time: DateTime): number | undefined {
  return time.zone.isUniversal ? time.offset * MINUTE : undefined;
}

function at(millis: number, like: DateTime): DateTime {
  return DateTime.fromMillis(millis, { zone: like.zone });
}

function floorTo(value: number, unit: number): number {
  return value - (((value % unit) + unit) % unit);
}

export function startOfDay(time: DateTime): DateTime {
  const offset = fixedOffsetMs(time);
  if (offset === undefined) return time.startOf('day');
  return at(floorTo(time.toMillis() + offset, DAY) - offset, time);
}

/** Drops seconds and milliseconds. */
export function startOfMinute(time: DateTime): DateTime {
  if (fixedOffsetMs(time) === undefined) return time.set({ second: 0, millisecond: 0 });
  return at(floorTo(time.toMillis(), MINUTE), time);
}

/** Exact minutes (the same in every zone). */
export function plusMinutes(time: DateTime, minutes: number): DateTime {
  return at(time.toMillis() + minutes * MINUTE, time);
}

/** Calendar days. */
export function plusDays(time: DateTime, days: number): DateTime {
  if (fixedOffsetMs(time) === undefined) return time.plus({ days });
  return at(time.toMillis() + days * DAY, time);
}

/** `minutes` after the start of the time's day (what `startOf('day').plus({ minutes })` gives). */
export function minutesIntoDay(time: DateTime, minutes: number): DateTime {
  const offset = fixedOffsetMs(time);
  if (offset === undefined) return time.startOf('day').plus({ minutes });
  return at(floorTo(time.toMillis() + offset, DAY) - offset + minutes * MINUTE, time);
}

/**
 * Adds calendar days and exact minutes (luxon's order: calendar units first), in fixed-offset zones only;
 * undefined elsewhere so the caller falls back to luxon.
 */
export function plusDaysAndMinutes(time: DateTime, days: number, minutes: number): DateTime | undefined {
  if (fixedOffsetMs(time) === undefined) return undefined;
  return at(time.toMillis() + days * DAY + minutes * MINUTE, time);
}
