import { type ConfidenceLevel, type ProportionDifference, newcombeDifference } from './proportion-interval';
import { shareOf } from './input-checks';
import { type MetricDefinition } from './metric-definition';

export type AppointmentOutcome = 'attended' | 'no-show' | 'cancelled';

export interface AppointmentRecord {
  readonly outcome: AppointmentOutcome;
  /** Whether a reminder was delivered before the appointment (e.g. the SMS 1-2 days before). */
  readonly reminded: boolean;
}

export interface NoShowCounts {
  readonly rate: number | null;
  readonly noShows: number;
  /** Appointments that were due and not cancelled: attended + no-show. */
  readonly kept: number;
}

function countNoShows(appointments: readonly AppointmentRecord[]): NoShowCounts {
  let noShows = 0;
  let kept = 0;
  for (const appointment of appointments) {
    switch (appointment.outcome) {
      case 'attended':
        kept += 1;
        break;
      case 'no-show':
        kept += 1;
        noShows += 1;
        break;
      case 'cancelled':
        // A cancellation frees the slot in time; counting it would reward discouraging cancellations.
        break;
    }
  }
  return { rate: shareOf(noShows, kept), noShows, kept };
}

/** No-show rate = no-shows ÷ (attended + no-shows); cancelled appointments are left out. */
export function noShowRate(appointments: readonly AppointmentRecord[]): NoShowCounts {
  return countNoShows(appointments);
}

export interface ReminderEffect {
  readonly reminded: NoShowCounts;
  readonly notReminded: NoShowCounts;
  /** reminded rate − not-reminded rate (negative = reminders help), Newcombe hybrid score interval. */
  readonly difference: ProportionDifference;
}

/**
 * Effect of reminders on no-shows. Observational: who got a reminder is not random (no phone on file,
 * opted out), so the interval measures association, not causation; the lift metric covers controlled groups.
 */
export function reminderEffectOnNoShows(
  appointments: readonly AppointmentRecord[],
  level: ConfidenceLevel = 0.95,
): ReminderEffect {
  const reminded = countNoShows(appointments.filter((a) => a.reminded));
  const notReminded = countNoShows(appointments.filter((a) => !a.reminded));
  return {
    reminded,
    notReminded,
    difference: newcombeDifference(reminded.noShows, reminded.kept, notReminded.noShows, notReminded.kept, level),
  };
}

export const NO_SHOW_RATE: MetricDefinition = {
  id: 'no-show-rate',
  name: { 'zh-CN': '爽约率', en: 'No-show rate' },
  definition: {
    'zh-CN': '爽约数 ÷ (已到诊 + 爽约)；已取消的预约不计入。',
    en: 'No-shows ÷ (attended + no-shows); cancelled appointments are left out.',
  },
  unit: 'ratio',
};

export const REMINDER_EFFECT_ON_NO_SHOWS: MetricDefinition = {
  id: 'reminder-effect-on-no-shows',
  name: { 'zh-CN': '提醒对爽约率的影响', en: 'Effect of reminders on no-shows' },
  definition: {
    'zh-CN':
      '已提醒组爽约率 − 未提醒组爽约率，附 95% 置信区间（Newcombe 混合 Wilson 得分法）。负值表示提醒后爽约更少；为观察性比较，非因果结论。',
    en: 'No-show rate of reminded appointments − rate of not-reminded ones, with a 95% confidence interval (Newcombe hybrid Wilson score). Negative means fewer no-shows after reminders; an observational comparison, not a causal estimate.',
  },
  unit: 'ratio',
};
