import { type ContactRules, quietHoursFrom } from '../calendar/contact-calendar';
import { parseClockTime } from '../calendar/clock-time';
import { HolidayCalendar } from '../calendar/holiday-calendar';
import { type PlanDocument } from '../plans/plan.types';
import { type PatientHistory } from './patient-history';

/** The plan's own call slots, quiet hours and holidays, before any patient's do-not-disturb periods. */
export function planContactRules(plan: PlanDocument): ContactRules {
  const callSlots = (plan.callSlots ?? [])
    .map((slot) => parseClockTime(slot))
    .filter((minutes): minutes is number => minutes !== undefined)
    .sort((a, b) => a - b);
  const quietHours = plan.quietHours ? quietHoursFrom(plan.quietHours.start, plan.quietHours.end) : undefined;
  return {
    callSlots,
    ...(quietHours === undefined ? {} : { quietHours }),
    holidays: new HolidayCalendar(plan.holidays?.calendar ?? 'none', plan.holidays?.extraDates ?? []),
    blocked: [],
  };
}

/** The plan's call slots, quiet hours and holidays plus the patient's do-not-disturb periods. */
export function contactRulesFor(plan: PlanDocument, history: PatientHistory): ContactRules {
  return { ...planContactRules(plan), blocked: history.blocked, patientQuiet: history.quietWindows };
}
