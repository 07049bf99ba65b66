/**
 * ISO-8601 timestamps with an explicit UTC offset. Events carry the offset so a reader in another zone
 * still knows the wall-clock time the patient experienced (call slots, "day 3" rules).
 */

/** Asia/Shanghai has had no daylight saving since 1991, so a fixed +08:00 is exact for current data. */
export const DEFAULT_UTC_OFFSET_MINUTES = 8 * 60;

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** Formats an instant as `YYYY-MM-DDTHH:mm:ss.SSS+HH:MM` in the given fixed offset. */
export function formatOffsetDateTime(instant: Date, offsetMinutes: number = DEFAULT_UTC_OFFSET_MINUTES): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('formatOffsetDateTime: invalid date');
  if (!Number.isInteger(offsetMinutes) || Math.abs(offsetMinutes) > 14 * 60) {
    throw new RangeError('formatOffsetDateTime: offset must be a whole number of minutes within ±14:00');
  }
  const shifted = new Date(instant.getTime() + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  return (
    `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}` +
    `T${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}` +
    `.${pad(shifted.getUTCMilliseconds(), 3)}${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`
  );
}

const OFFSET_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

/** True when the text is an ISO-8601 date-time that names its offset (`Z` or `±HH:MM`) and is a real instant. */
export function isOffsetDateTime(text: string): boolean {
  return OFFSET_DATE_TIME.test(text) && !Number.isNaN(Date.parse(text));
}
