import { type DateTime, Duration } from 'luxon';
import { plusDaysAndMinutes, startOfDay } from './fast-time';

/**
 * A step offset: an ISO-8601 duration with an optional leading minus ("P7D", "-P3D", "PT2H", "P1M").
 * Offsets made only of years, months, weeks and days are calendar offsets: they move the anchor's
 * calendar date and the call is then placed on that day. Offsets with hours or minutes are exact.
 */
export interface Offset {
  readonly duration: Duration;
  readonly negative: boolean;
  readonly calendarOnly: boolean;
  readonly text: string;
}

const OFFSET_PATTERN = /^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/;
const PARAMETER_PATTERN = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

export function offsetParameterNames(text: string): string[] {
  return [...text.matchAll(PARAMETER_PATTERN)].map((match) => match[1] as string);
}

/** Substitutes `{name}` placeholders with plan parameters; returns undefined when a name is missing. */
export function substituteParameters(text: string, parameters: Readonly<Record<string, number>>): string | undefined {
  let missing = false;
  const result = text.replace(PARAMETER_PATTERN, (_whole, name: string) => {
    const value = parameters[name];
    if (value === undefined) {
      missing = true;
      return '';
    }
    return String(value);
  });
  return missing ? undefined : result;
}

/** Offsets are few per plan and immutable: parse each text once (bounded, in case plans churn). */
const PARSED = new Map<string, Offset | undefined>();
const PARSED_LIMIT = 10_000;

export function parseOffset(text: string): Offset | undefined {
  if (PARSED.has(text)) return PARSED.get(text);
  const offset = parseOffsetText(text);
  if (PARSED.size >= PARSED_LIMIT) PARSED.clear();
  PARSED.set(text, offset);
  return offset;
}

function parseOffsetText(text: string): Offset | undefined {
  const match = OFFSET_PATTERN.exec(text);
  if (!match || text === 'P' || text === '-P' || text.endsWith('T')) return undefined;
  const [, minus, years, months, weeks, days, hours, minutes] = match;
  const number = (value: string | undefined): number => (value === undefined ? 0 : Number(value));
  const duration = Duration.fromObject({
    years: number(years),
    months: number(months),
    weeks: number(weeks),
    days: number(days),
    hours: number(hours),
    minutes: number(minutes),
  });
  return {
    duration,
    negative: minus === '-',
    calendarOnly: hours === undefined && minutes === undefined,
    text,
  };
}

interface OffsetUnits {
  readonly years: number;
  readonly months: number;
  readonly days: number;
  readonly minutes: number;
}

const UNITS = new WeakMap<Offset, OffsetUnits>();

function unitsOf(offset: Offset): OffsetUnits {
  let units = UNITS.get(offset);
  if (!units) {
    const d = offset.duration;
    units = { years: d.years, months: d.months, days: d.weeks * 7 + d.days, minutes: d.hours * 60 + d.minutes };
    UNITS.set(offset, units);
  }
  return units;
}

/** Applies an offset; calendar offsets land on the start of the target day in the anchor's zone. */
export function applyOffset(anchor: DateTime, offset: Offset, times = 1): DateTime {
  const base = offset.calendarOnly ? startOfDay(anchor) : anchor;
  const units = unitsOf(offset);
  const sign = offset.negative ? -times : times;
  if (units.years === 0 && units.months === 0) {
    const fast = plusDaysAndMinutes(base, sign * units.days, sign * units.minutes);
    if (fast) return fast;
  }
  // Months and years (and days in zones with daylight saving) need luxon's calendar arithmetic.
  const scaled = Duration.fromObject({
    years: units.years * times,
    months: units.months * times,
    days: units.days * times,
    minutes: units.minutes * times,
  });
  return offset.negative ? base.minus(scaled) : base.plus(scaled);
}
