import { DateTime, type Zone } from 'luxon';
import { type PlanDocument } from '../plans/plan.types';
import { matchesFilter } from './event-filter';
import { type MedicationDispensed, type PatientEvent, type ProcedurePerformed } from './patient-event';
import { type PatientHistory, timeIn } from './patient-history';
import { courseOf, therapyCourseTriggers } from './therapy-courses';
import { patientTriggerKey, recordKey, type TherapyCourse, type TriggerInstance } from './trigger-instance';

function isTriggerType(plan: PlanDocument, event: PatientEvent): boolean {
  return plan.trigger.events.some((type) => type === event.type);
}

/** Every firing of the plan in one patient's (corrected, canonically ordered) history. */
export function planTriggers(plan: PlanDocument, history: PatientHistory): TriggerInstance[] {
  const context = { plan, patientConditionCodes: history.conditionCodes };
  const matching = history.events.filter(
    (event) => isTriggerType(plan, event) && matchesFilter(plan.trigger.filters, event, context),
  );
  const scope = plan.trigger.scope ?? 'event';
  switch (scope) {
    case 'therapy-course':
      return therapyCourseTriggers(
        plan,
        matching.filter((event): event is MedicationDispensed => event.type === 'medication-dispensed'),
        history.returns,
        history.zone,
      );
    case 'patient': {
      const first = matching[0];
      // Named by the trigger event, not the enterprise id, so a merge or unmerge of the patient's
      // records keeps the task ids of whichever event still comes first.
      return first ? [{ key: patientTriggerKey(first), event: first, at: timeIn(history.zone, first.occurredAt) }] : [];
    }
    case 'event': {
      const byKey = new Map<string, TriggerInstance>();
      for (const event of matching) {
        const key = recordKey(event);
        // A record seen twice (an updated booking): the latest state counts, its key stays.
        byKey.set(key, {
          key,
          event,
          at: timeIn(history.zone, event.occurredAt),
          ...(event.type === 'medication-dispensed' ? { course: singleDispenseCourse(event, history) } : {}),
          ...(event.type === 'procedure-performed' ? prescriptionCourse(event, history.zone) : {}),
        });
      }
      return [...byKey.values()];
    }
  }
}

/** A dispense followed on its own (TCM prescriptions): returns up to the next dispense of the drug count. */
function singleDispenseCourse(event: MedicationDispensed, history: PatientHistory): ReturnType<typeof courseOf> {
  const at = timeIn(history.zone, event.occurredAt);
  const next = history.dispenses.find(
    (other) => other.drug.code === event.drug.code && timeIn(history.zone, other.occurredAt) > at,
  );
  const end = next ? { at: timeIn(history.zone, next.occurredAt), reason: 'next dispense' } : undefined;
  const course = courseOf([event], history.returns, history.zone, end);
  // The end only bounds which returns belong here; a later prescription does not stop this one's calls.
  return course.timeline ? { drugCode: course.drugCode, timeline: course.timeline } : { drugCode: course.drugCode };
}

/** A TCM prescription recorded as a procedure: its length gives the supply line directly. */
function prescriptionCourse(event: ProcedurePerformed, zone: Zone): { course?: TherapyCourse } {
  if (event.prescriptionDays === undefined) return {};
  const start = event.prescriptionStart
    ? DateTime.fromISO(event.prescriptionStart, { zone })
    : timeIn(zone, event.occurredAt).startOf('day');
  if (!start.isValid) return {};
  const runOut = start.plus({ days: event.prescriptionDays });
  return {
    course: {
      drugCode: event.code ?? event.category,
      timeline: {
        start,
        runOut,
        segments: [{ dispenseId: event.procedureId, from: start, until: runOut, days: event.prescriptionDays }],
        problems: [],
        explanation: [
          `prescription of ${event.prescriptionDays} day(s) from ${start.toISODate()}, ends ${runOut.toISODate()}`,
        ],
      },
    },
  };
}
