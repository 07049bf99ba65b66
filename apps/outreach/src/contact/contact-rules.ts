import { DateTime } from 'luxon';
import type { TaskOutcome } from '../escalation/tcm-phone-policy';

export interface QuietPeriod {
  readonly from: string; // HH:mm, local
  readonly to: string; // earlier than `from`: runs past midnight
  readonly daysOfWeek?: readonly number[]; // ISO, 1 = Monday
  readonly validFrom?: string; // YYYY-MM-DD
  readonly validUntil?: string;
}

/** A patient's contact preferences, as also published in `contact-preference-changed`. */
export interface ContactPreferences {
  readonly consent: {
    readonly care: 'granted' | 'withdrawn' | 'unknown';
    readonly marketing: 'granted' | 'withdrawn' | 'unknown';
  };
  readonly doNotDisturb: readonly QuietPeriod[];
  readonly doesNotWantFollowUp: boolean;
  readonly movedAway: boolean;
  readonly deceased: boolean;
}

export const DEFAULT_PREFERENCES: ContactPreferences = {
  consent: { care: 'unknown', marketing: 'unknown' },
  doNotDisturb: [],
  doesNotWantFollowUp: false,
  movedAway: false,
  deceased: false,
};

export interface ContactRuleSettings {
  readonly zone: string;
  /** The organisation's quiet hours, e.g. 21:00-08:00. */
  readonly quietHours: QuietPeriod;
  /** At most this many contacts (attempts) with a patient in `frequencyWindowMs`. */
  readonly frequencyCap: number;
  readonly frequencyWindowMs: number;
}

/** Purposes that need marketing consent; everything else is care and needs care consent not withdrawn. */
export const MARKETING_PURPOSES: ReadonlySet<string> = new Set([
  'seasonal-care',
  'special-date-greeting',
  'return-visit-invitation',
]);

export type ContactVerdict =
  | { readonly kind: 'allow' }
  | {
      readonly kind: 'defer';
      readonly until: Date;
      readonly reason: 'quiet-hours' | 'do-not-disturb' | 'frequency-cap';
    }
  | { readonly kind: 'stop'; readonly outcome: TaskOutcome };

/**
 * Whether the patient may be contacted now for this purpose, whatever the plan says. Stops come first
 * (deceased stops everything), then the times the patient must not be disturbed, then the frequency cap.
 * `recentContacts` are the start times of earlier attempts, newest last.
 */
export function judgeContact(
  preferences: ContactPreferences,
  purpose: string,
  now: Date,
  recentContacts: readonly Date[],
  settings: ContactRuleSettings,
): ContactVerdict {
  if (preferences.deceased) return { kind: 'stop', outcome: 'deceased' };
  if (preferences.doesNotWantFollowUp) return { kind: 'stop', outcome: 'refused' };
  if (preferences.movedAway) return { kind: 'stop', outcome: 'moved-away' };
  const consent = MARKETING_PURPOSES.has(purpose) ? preferences.consent.marketing : preferences.consent.care;
  if (consent === 'withdrawn') return { kind: 'stop', outcome: 'do-not-contact' };
  if (MARKETING_PURPOSES.has(purpose) && consent !== 'granted') return { kind: 'stop', outcome: 'do-not-contact' };

  const quietEnd = endOfQuietPeriod(settings.quietHours, now, settings.zone);
  if (quietEnd) return { kind: 'defer', until: quietEnd, reason: 'quiet-hours' };
  for (const period of preferences.doNotDisturb) {
    const end = endOfQuietPeriod(period, now, settings.zone);
    if (end) return { kind: 'defer', until: end, reason: 'do-not-disturb' };
  }
  const windowStart = now.getTime() - settings.frequencyWindowMs;
  const inWindow = recentContacts.filter((at) => at.getTime() > windowStart).sort((a, b) => a.getTime() - b.getTime());
  if (inWindow.length >= settings.frequencyCap) {
    const oldest = inWindow[inWindow.length - settings.frequencyCap]!;
    return { kind: 'defer', until: new Date(oldest.getTime() + settings.frequencyWindowMs), reason: 'frequency-cap' };
  }
  return { kind: 'allow' };
}

/** When the period containing `now` ends, or undefined when `now` is outside it. */
export function endOfQuietPeriod(period: QuietPeriod, now: Date, zone: string): Date | undefined {
  const local = DateTime.fromJSDate(now, { zone });
  const minutes = local.hour * 60 + local.minute;
  const from = toMinutes(period.from);
  const to = toMinutes(period.to);
  // An empty period (from = to) switches the rule off, e.g. quiet hours for a 24-hour call centre.
  if (from === to) return undefined;
  const overnight = to <= from;
  const inside = overnight ? minutes >= from || minutes < to : minutes >= from && minutes < to;
  if (!inside) return undefined;
  // The day the period started on decides whether it applies (a Saturday-night period ends on Sunday).
  const startDay = overnight && minutes < to ? local.minus({ days: 1 }) : local;
  if (!appliesOn(period, startDay)) return undefined;
  const endDay = overnight && minutes >= from ? local.plus({ days: 1 }) : local;
  return endDay.set({ hour: Math.floor(to / 60), minute: to % 60, second: 0, millisecond: 0 }).toJSDate();
}

function appliesOn(period: QuietPeriod, day: DateTime): boolean {
  if (period.daysOfWeek && !period.daysOfWeek.includes(day.weekday)) return false;
  const date = day.toISODate() ?? '';
  if (period.validFrom && date < period.validFrom) return false;
  if (period.validUntil && date > period.validUntil) return false;
  return true;
}

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}
