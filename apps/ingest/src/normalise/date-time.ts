import { DateTime } from 'luxon';

/** The zone a naive local time is read in, unless the source gives an offset. */
export const DEFAULT_ZONE = 'Asia/Shanghai';

const HL7_DTM = /^(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:\.(\d{1,4}))?([+-]\d{4})?$/;

/**
 * Converted values, by zone and value. A feed repeats the same few timestamps (MSH-7 and EVN-2 of a message,
 * every message sent within the same second), and the zone arithmetic is the costliest step of mapping a
 * message; the conversion depends on nothing else, so a remembered answer is the answer.
 */
const converted = new Map<string, string | undefined>();
const CONVERTED_LIMIT = 4096;

/**
 * HL7 DTM/TS ("20240131083000+0800", "202401310830", "20240131") to ISO-8601. Dates stay dates; times get
 * the sender's offset or the default zone. Returns undefined for values that are not a real instant.
 */
export function hl7DateTimeToIso(value: string | undefined, zone = DEFAULT_ZONE): string | undefined {
  const key = `${zone}|${value ?? ''}`;
  if (converted.has(key)) return converted.get(key);
  const iso = convertHl7DateTime(value, zone);
  if (converted.size >= CONVERTED_LIMIT) converted.clear();
  converted.set(key, iso);
  return iso;
}

function convertHl7DateTime(value: string | undefined, zone: string): string | undefined {
  const m = HL7_DTM.exec((value ?? '').trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, offset] = m;
  if (h === undefined) {
    const date = [y, mo, d].filter((p) => p !== undefined).join('-');
    if (d !== undefined && !isCalendarDate(+y!, +mo!, +d)) return undefined;
    return date;
  }
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  const parts = { year: +y!, month: +mo!, day: +d!, hour: +h, minute: +(mi ?? 0), second: +(s ?? 0), millisecond: ms };
  const dt = offset
    ? DateTime.fromObject(parts, { zone: `UTC${offset.slice(0, 3)}:${offset.slice(3)}` })
    : DateTime.fromObject(parts, { zone });
  return dt.isValid ? (dt.toISO({ suppressMilliseconds: true }) ?? undefined) : undefined;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

/** HL7 date of birth ("19800101", "198001") to YYYY-MM-DD / YYYY-MM / YYYY. */
export function hl7DateToIso(value: string | undefined): string | undefined {
  const iso = hl7DateTimeToIso(value?.slice(0, 8));
  return iso && /^\d{4}(-\d{2}){0,2}$/.test(iso) ? iso : undefined;
}

/**
 * Local date-times as written by ERP exports ("2024-01-31 08:30", "2024/1/31 8:30:00", ISO with offset).
 * Naive values are read in `zone`.
 */
export function localDateTimeToIso(value: string, zone = DEFAULT_ZONE): string | undefined {
  const text = value.trim().replace(/\//g, '-');
  const iso = DateTime.fromISO(text.replace(' ', 'T'), { zone, setZone: true });
  if (iso.isValid) return iso.toISO({ suppressMilliseconds: true }) ?? undefined;
  for (const format of ['yyyy-M-d H:mm:ss', 'yyyy-M-d H:mm', 'yyyy-M-d', 'yyyyMMddHHmmss', 'yyyyMMdd']) {
    const dt = DateTime.fromFormat(text, format, { zone });
    if (dt.isValid) return dt.toISO({ suppressMilliseconds: true }) ?? undefined;
  }
  return undefined;
}
