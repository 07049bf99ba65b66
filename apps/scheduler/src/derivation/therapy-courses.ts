import { type DateTime, type Zone } from 'luxon';
import { type PlanDocument } from '../plans/plan.types';
import { buildSupplyTimeline, type CourseDispense, type CourseReturn } from '../supply/supply-timeline';
import { drugClassesOf } from './event-filter';
import { type MedicationDispensed, type MedicationReturned } from './patient-event';
import { timeIn } from './patient-history';
import { type TherapyCourse, type TriggerInstance } from './trigger-instance';

function toCourseDispense(event: MedicationDispensed, zone: Zone): CourseDispense {
  return {
    dispenseId: event.dispenseId,
    day: timeIn(zone, event.occurredAt).startOf('day'),
    quantity: event.quantity.value,
    unit: event.quantity.unit,
    ...(event.sig === undefined ? {} : { sig: event.sig }),
    ...(event.daysSupply === undefined ? {} : { recordedDaysSupply: event.daysSupply }),
    ...(event.packaging === undefined ? {} : { packaging: event.packaging }),
    ...(event.strength === undefined ? {} : { strength: event.strength }),
  };
}

function toCourseReturn(event: MedicationReturned, zone: Zone): CourseReturn {
  return {
    returnId: event.returnId,
    day: timeIn(zone, event.occurredAt).startOf('day'),
    quantity: event.quantity.value,
    unit: event.quantity.unit,
    ...(event.dispenseId === undefined ? {} : { dispenseId: event.dispenseId }),
  };
}

/** The supply line of the given dispenses of one drug and the returns that belong to them. */
export function courseOf(
  dispenses: readonly MedicationDispensed[],
  returns: readonly MedicationReturned[],
  zone: Zone,
  end?: { at: DateTime; reason: string },
): TherapyCourse {
  const first = dispenses[0];
  const drugCode = first?.drug.code ?? '';
  const ids = new Set(dispenses.map((dispense) => dispense.dispenseId));
  const firstAt = first ? timeIn(zone, first.occurredAt) : undefined;
  const own = returns.filter((item) => {
    if (item.dispenseId !== undefined) return ids.has(item.dispenseId);
    const at = timeIn(zone, item.occurredAt);
    return item.drugCode === drugCode && firstAt !== undefined && at >= firstAt && (!end || at < end.at);
  });
  const timeline = buildSupplyTimeline(
    dispenses.map((dispense) => toCourseDispense(dispense, zone)),
    own.map((item) => toCourseReturn(item, zone)),
  );
  return {
    drugCode,
    ...(timeline === undefined ? {} : { timeline }),
    ...(end === undefined ? {} : { endedAt: end.at, endReason: end.reason }),
  };
}

/**
 * The group inside which a different drug counts as a change of therapy: the ATC chemical/therapeutic
 * subgroup (level 4, e.g. C08CA dihydropyridines), so amlodipine -> nifedipine ends the old course
 * while an added diuretic (C03) runs as a course of its own. Without an ATC code, the plan's first
 * matching drug class, else the drug itself.
 */
function therapyGroup(dispense: MedicationDispensed, plan: PlanDocument): string {
  const atc = dispense.drug.atc ?? (/^[A-Z]\d\d[A-Z]{2}/i.test(dispense.drug.code) ? dispense.drug.code : undefined);
  if (atc !== undefined && atc.length >= 5) return `ATC ${atc.slice(0, 5).toUpperCase()}`;
  return drugClassesOf(dispense.drug, plan)[0] ?? `drug ${dispense.drug.code}`;
}

/**
 * Groups matching dispenses into therapy courses: refills of the same drug extend the course; a
 * different drug in the same therapy group ends it and starts a new one. The course's trigger is
 * its first dispense.
 */
export function therapyCourseTriggers(
  plan: PlanDocument,
  dispenses: readonly MedicationDispensed[],
  returns: readonly MedicationReturned[],
  zone: Zone,
): TriggerInstance[] {
  const groups = new Map<string, MedicationDispensed[]>();
  for (const dispense of dispenses) {
    const group = therapyGroup(dispense, plan);
    groups.set(group, [...(groups.get(group) ?? []), dispense]);
  }
  const triggers: TriggerInstance[] = [];
  for (const [group, members] of groups) {
    let current: MedicationDispensed[] = [];
    const close = (end?: { at: DateTime; reason: string }): void => {
      const first = current[0];
      if (!first) return;
      triggers.push({
        key: `MedicationDispense/${first.dispenseId}`,
        event: first,
        at: timeIn(zone, first.occurredAt),
        course: courseOf(current, returns, zone, end),
      });
    };
    for (const dispense of members) {
      const currentDrug = current[0]?.drug.code;
      if (currentDrug !== undefined && currentDrug !== dispense.drug.code) {
        close({
          at: timeIn(zone, dispense.occurredAt),
          reason: `therapy changed within ${group} (dispense ${dispense.dispenseId} of another drug)`,
        });
        current = [];
      }
      current.push(dispense);
    }
    close();
  }
  return triggers;
}
