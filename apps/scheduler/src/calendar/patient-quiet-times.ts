import { type DateTime } from 'luxon';
import { formatClockTime, parseClockTime } from './clock-time';

/** A patient's recurring quiet time (e.g. 12:00-14:00 on weekdays), from their contact preferences. */
export interface PatientQuietWindow {
  /** minutes after midnight; `end` before `start` runs past midnight */
  readonly start: number;
  readonly end: number;
  /** ISO weekdays (1 = Monday) the window starts on; every day when absent */
  readonly daysOfWeek?: readonly number[];
  /** yyyy-MM-dd, inclusive */
  readonly validFrom?: string;
  readonly validUntil?: string;
}

export interface QuietWindowText {
  readonly from: string;
  readonly to: string;
  readonly daysOfWeek?: readonly number[];
  readonly validFrom?: string;
  readonly validUntil?: string;
}

export function quietWindowFrom(text: QuietWindowText): PatientQuietWindow | undefined {
  const start = parseClockTime(text.from);
  const end = parseClockTime(text.to);
  if (start === undefined || end === undefined || start === end) return undefined;
  return {
    start,
    end,
    ...(text.daysOfWeek === undefined ? {} : { daysOfWeek: text.daysOfWeek }),
    ...(text.validFrom === undefined ? {} : { validFrom: text.validFrom }),
    ...(text.validUntil === undefined ? {} : { validUntil: text.validUntil }),
  };
}

function appliesOn(window: PatientQuietWindow, day: DateTime): boolean {
  const date = day.toISODate() as string;
  if (window.validFrom !== undefined && date < window.validFrom) return false;
  if (window.validUntil !== undefined && date > window.validUntil) return false;
  return window.daysOfWeek === undefined || window.daysOfWeek.includes(day.weekday);
}

/** The end of the patient's quiet window `time` falls in, or undefined when it falls in none. */
export function quietWindowEnd(
  time: DateTime,
  windows: readonly PatientQuietWindow[],
): { until: DateTime; text: string } | undefined {
  if (windows.length === 0) return undefined;
  const minutes = time.hour * 60 + time.minute;
  const today = time.startOf('day');
  for (const window of windows) {
    const text = `patient's quiet time ${formatClockTime(window.start)}-${formatClockTime(window.end)}`;
    const wraps = window.end < window.start;
    // The part of a window started today, and (for windows past midnight) the tail of yesterday's.
    if (minutes >= window.start && (wraps || minutes < window.end) && appliesOn(window, today)) {
      const until = wraps ? today.plus({ days: 1, minutes: window.end }) : today.plus({ minutes: window.end });
      return { until, text };
    }
    if (wraps && minutes < window.end && appliesOn(window, today.minus({ days: 1 }))) {
      return { until: today.plus({ minutes: window.end }), text };
    }
  }
  return undefined;
}
