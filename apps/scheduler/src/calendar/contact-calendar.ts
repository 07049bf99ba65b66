import { type DateTime } from 'luxon';
import { formatClockTime, parseClockTime } from './clock-time';
import { minutesIntoDay, plusDays, plusMinutes, startOfDay, startOfMinute } from './fast-time';
import { type HolidayCalendar } from './holiday-calendar';
import { type PatientQuietWindow, quietWindowEnd } from './patient-quiet-times';

export type Alignment = 'slot' | 'exact';

export interface QuietHours {
  /** minutes after midnight; the quiet period may wrap past midnight (21:00-08:00) */
  readonly start: number;
  readonly end: number;
}

export interface BlockedPeriod {
  readonly from: DateTime;
  readonly to: DateTime;
  readonly why: string;
}

export interface ContactRules {
  readonly callSlots: readonly number[];
  readonly quietHours?: QuietHours;
  readonly holidays: HolidayCalendar;
  /** per-patient do-not-disturb periods */
  readonly blocked: readonly BlockedPeriod[];
  /** per-patient recurring quiet times (contact preferences) */
  readonly patientQuiet?: readonly PatientQuietWindow[];
}

export interface PlacedTime {
  readonly due: DateTime;
  /** why the time differs from the candidate: quiet hours, holiday, do-not-disturb */
  readonly deferrals: readonly string[];
}

const MAX_STEPS = 800;

export function quietHoursFrom(start: string, end: string): QuietHours | undefined {
  const startMinutes = parseClockTime(start);
  const endMinutes = parseClockTime(end);
  return startMinutes === undefined || endMinutes === undefined ? undefined : { start: startMinutes, end: endMinutes };
}

function minutesOfDay(time: DateTime): number {
  return time.hour * 60 + time.minute;
}

function inQuietHours(minutes: number, quiet: QuietHours | undefined): boolean {
  if (!quiet || quiet.start === quiet.end) return false;
  return quiet.start < quiet.end
    ? minutes >= quiet.start && minutes < quiet.end
    : minutes >= quiet.start || minutes < quiet.end;
}

/** The first moment at or after `time` outside the quiet period. */
function afterQuietHours(time: DateTime, quiet: QuietHours): DateTime {
  const endToday = minutesIntoDay(time, quiet.end);
  return endToday > time ? endToday : plusDays(endToday, 1);
}

/**
 * Places a call at or after `candidate`: on a call slot (`slot`) or at the candidate time itself
 * (`exact`), never inside quiet hours, on a holiday or in a do-not-disturb period. A blocked time is
 * always deferred to the next allowed moment, never dropped; undefined only when nothing is allowed
 * within the search limit (about two years of days).
 */
export function placeCall(candidate: DateTime, alignment: Alignment, rules: ContactRules): PlacedTime | undefined {
  const deferrals: string[] = [];
  let time = startOfMinute(candidate);
  if (time < candidate) time = plusMinutes(time, 1);
  for (let step = 0; step < MAX_STEPS; step++) {
    const day = time.toISODate() as string;
    const holiday = rules.holidays.holidayName(day);
    if (holiday !== undefined) {
      deferrals.push(`deferred from ${day}: holiday (${holiday})`);
      time = plusDays(startOfDay(time), 1);
      continue;
    }
    const block = rules.blocked.length === 0 ? undefined : rules.blocked.find((p) => time >= p.from && time < p.to);
    if (block) {
      deferrals.push(`deferred: ${block.why}`);
      time = block.to;
      continue;
    }
    const personal = quietWindowEnd(time, rules.patientQuiet ?? []);
    if (personal) {
      deferrals.push(`deferred from ${time.toFormat('yyyy-MM-dd HH:mm')}: ${personal.text}`);
      time = personal.until;
      continue;
    }
    if (alignment === 'slot' && rules.callSlots.length > 0) {
      const minutes = minutesOfDay(time);
      const slot = rules.callSlots.find(
        (slotMinutes) => slotMinutes >= minutes && !inQuietHours(slotMinutes, rules.quietHours),
      );
      if (slot === undefined) {
        time = plusDays(startOfDay(time), 1);
        continue;
      }
      const slotTime = minutesIntoDay(time, slot);
      if (slotTime.toISODate() !== day || !slotTime.equals(time)) {
        time = slotTime;
        continue;
      }
      return { due: time, deferrals };
    }
    if (rules.quietHours && inQuietHours(minutesOfDay(time), rules.quietHours)) {
      const quiet = rules.quietHours;
      deferrals.push(
        `deferred from ${time.toFormat('yyyy-MM-dd HH:mm')}: quiet hours ${formatClockTime(quiet.start)}-${formatClockTime(quiet.end)}`,
      );
      time = afterQuietHours(time, quiet);
      continue;
    }
    return { due: time, deferrals };
  }
  // Only reachable when a do-not-disturb period or holiday list blocks years ahead: the caller reports it.
  return undefined;
}
