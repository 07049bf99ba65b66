import { DateTime, type Zone } from 'luxon';
import { solarDateOfLunar } from '../calendar/lunar-dates';
import { applyOffset, type Offset } from '../calendar/offset';
import { type PlanStep } from '../plans/plan.types';
import { type PatientHistory, timeIn } from './patient-history';
import { type TriggerInstance } from './trigger-instance';

/** One computed, not yet placed, occurrence of a step. */
export interface StepCandidate {
  readonly occurrence: number;
  readonly candidate: DateTime;
  /** the anchor instant, used to drop reminders that would land after what they remind of */
  readonly anchorAt: DateTime;
  readonly anchorText: string;
}

export interface OccurrenceInput {
  readonly step: PlanStep;
  readonly trigger: TriggerInstance;
  readonly history: PatientHistory;
  readonly offset: Offset;
  readonly every?: Offset;
  readonly horizonEnd: DateTime;
}

export type OccurrenceResult = { readonly candidates: StepCandidate[] } | { readonly unavailable: string };

function birthdayIn(year: number, birthDate: string, zone: Zone): DateTime {
  const [, month, day] = birthDate.split('-').map(Number) as [number, number, number];
  const date = DateTime.fromObject({ year, month, day }, { zone });
  // Born on 29 February: greeted on 28 February in common years.
  return date.isValid ? date : DateTime.fromObject({ year, month: 2, day: 28 }, { zone });
}

function yearlyCandidates(
  input: OccurrenceInput,
  anchorOf: (year: number) => DateTime,
  label: string,
): StepCandidate[] {
  const { trigger, offset, horizonEnd } = input;
  const earliest = trigger.at.startOf('day');
  const candidates: StepCandidate[] = [];
  for (let year = trigger.at.year - 1; year <= horizonEnd.year + 1; year++) {
    const anchorAt = anchorOf(year);
    const candidate = applyOffset(anchorAt, offset);
    if (candidate >= earliest && candidate <= horizonEnd) {
      candidates.push({ occurrence: year, candidate, anchorAt, anchorText: `${label} ${anchorAt.toISODate()}` });
    }
  }
  return candidates;
}

function anchorOf(input: OccurrenceInput): { at: DateTime; text: string } | { unavailable: string } {
  const { step, trigger, history } = input;
  const event = trigger.event;
  switch (step.anchor) {
    case 'event':
      return { at: trigger.at, text: `${trigger.key} at ${trigger.at.toISO({ suppressMilliseconds: true })}` };
    case 'prescription-start': {
      const start = trigger.course?.timeline?.start;
      return start
        ? { at: start, text: `prescription start ${start.toISODate()}` }
        : { unavailable: 'no prescription' };
    }
    case 'supply-run-out': {
      const timeline = trigger.course?.timeline;
      if (!timeline?.runOut) return { unavailable: 'supply run-out unknown (flagged for a pharmacist)' };
      return {
        at: timeline.runOut,
        text: `supply runs out ${timeline.runOut.toISODate()} [${timeline.explanation.join('; ')}]`,
      };
    }
    case 'appointment-start':
      if (event.type !== 'appointment-booked' && event.type !== 'appointment-missed') {
        return { unavailable: 'trigger is not an appointment' };
      }
      return { at: timeIn(history.zone, event.start), text: `appointment starts ${event.start}` };
    case 'birthday':
    case 'lunar-date':
      return { unavailable: 'yearly anchor' };
  }
}

/**
 * The occurrences of a step for one trigger: a single date, a recurrence ("every M days while the
 * supply lasts", "every 6 months" up to the horizon) or a yearly date (birthday, lunar date).
 */
export function stepOccurrences(input: OccurrenceInput): OccurrenceResult {
  const { step, history, offset, every, horizonEnd, trigger } = input;
  if (step.anchor === 'birthday') {
    const birthDate = history.birthDate;
    if (birthDate === undefined) return { unavailable: 'birth date unknown' };
    return { candidates: yearlyCandidates(input, (year) => birthdayIn(year, birthDate, history.zone), 'birthday') };
  }
  if (step.anchor === 'lunar-date') {
    const lunar = step.lunarDate;
    if (!lunar) return { unavailable: 'lunar date missing' };
    const label = `lunar ${lunar.month}/${lunar.day}`;
    const solar = (year: number): DateTime => DateTime.fromISO(solarDateOfLunar(year, lunar), { zone: history.zone });
    return { candidates: yearlyCandidates(input, solar, label) };
  }
  const anchor = anchorOf(input);
  if ('unavailable' in anchor) return anchor;
  const base = applyOffset(anchor.at, offset);
  if (!every) return { candidates: [{ occurrence: 0, candidate: base, anchorAt: anchor.at, anchorText: anchor.text }] };
  const runOut = trigger.course?.timeline?.runOut;
  if (step.recurrence?.while === 'supply-lasts' && !runOut) {
    return { unavailable: 'supply run-out unknown (flagged for a pharmacist)' };
  }
  const candidates: StepCandidate[] = [];
  const limit = step.recurrence?.count ?? Number.POSITIVE_INFINITY;
  for (let index = 0; index < limit && index < 1000; index++) {
    const candidate = applyOffset(base, every, index);
    if (candidate > horizonEnd) break;
    if (step.recurrence?.while === 'supply-lasts' && runOut && candidate >= runOut) break;
    candidates.push({ occurrence: index, candidate, anchorAt: anchor.at, anchorText: anchor.text });
  }
  return { candidates };
}
