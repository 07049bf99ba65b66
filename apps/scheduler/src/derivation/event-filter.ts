import { type EventFilter, type PlanDocument } from '../plans/plan.types';
import { daysOfSupply } from '../supply/days-supply';
import { type CodedDrug, type MedicationDispensed, type PatientEvent } from './patient-event';

/** Drug classes of the plan this drug belongs to, in name order (stable grouping key). */
export function drugClassesOf(drug: CodedDrug, plan: PlanDocument): string[] {
  return Object.entries(plan.drugClasses ?? {})
    .filter(
      ([, definition]) =>
        definition.codes?.includes(drug.code) === true ||
        definition.atc?.some((prefix) => (drug.atc ?? drug.code).toUpperCase().startsWith(prefix.toUpperCase())) ===
          true,
    )
    .map(([name]) => name)
    .sort();
}

/** Prescription length in days as the sig states it (before any return). */
export function prescriptionDays(event: MedicationDispensed): number | undefined {
  const result = daysOfSupply({
    quantity: event.quantity.value,
    unit: event.quantity.unit,
    ...(event.sig === undefined ? {} : { sig: event.sig }),
    ...(event.daysSupply === undefined ? {} : { recordedDaysSupply: event.daysSupply }),
    ...(event.packaging === undefined ? {} : { packaging: event.packaging }),
    ...(event.strength === undefined ? {} : { strength: event.strength }),
  });
  return result.ok ? result.days : undefined;
}

function eventCodes(event: PatientEvent): string[] {
  if (event.type === 'encounter-finished') return [...(event.diagnoses ?? [])];
  if (event.type === 'condition-recorded' || event.type === 'condition-resolved') return [event.code];
  return [];
}

function attribute<K extends string>(event: PatientEvent, key: K): unknown {
  return (event as unknown as Record<string, unknown>)[key];
}

export interface FilterContext {
  readonly plan: PlanDocument;
  readonly patientConditionCodes: readonly string[];
}

/** True when every condition of the filter holds for the event; an absent attribute never matches. */
export function matchesFilter(filter: EventFilter | undefined, event: PatientEvent, context: FilterContext): boolean {
  if (!filter) return true;
  if (filter.events && !filter.events.some((type) => type === event.type)) return false;
  const dispense = event.type === 'medication-dispensed' ? event : undefined;
  if (
    filter.drugs &&
    !(dispense && filter.drugs.some((code) => code === dispense.drug.code || code === dispense.drug.atc))
  ) {
    return false;
  }
  if (filter.drugClasses) {
    const classes = dispense ? drugClassesOf(dispense.drug, context.plan) : [];
    if (!filter.drugClasses.some((name) => classes.includes(name))) return false;
  }
  if (filter.procedureCategories) {
    if (event.type !== 'procedure-performed' || !filter.procedureCategories.includes(event.category)) return false;
  }
  const department = attribute(event, 'department');
  if (filter.departments && !(typeof department === 'string' && filter.departments.includes(department))) return false;
  const visitKind = attribute(event, 'visitKind');
  if (filter.visitKinds && !filter.visitKinds.some((kind) => kind === visitKind)) return false;
  if (filter.encounterClasses) {
    if (event.type !== 'encounter-finished' || !filter.encounterClasses.includes(event.encounterClass)) return false;
  }
  if (filter.diagnoses) {
    const codes = [...eventCodes(event), ...context.patientConditionCodes];
    const hit = filter.diagnoses.some((prefix) =>
      codes.some((code) => code.toUpperCase().startsWith(prefix.toUpperCase())),
    );
    if (!hit) return false;
  }
  if (filter.chronic !== undefined && attribute(event, 'chronic') !== filter.chronic) return false;
  if (
    filter.prosthesisPlanned !== undefined &&
    (attribute(event, 'prosthesisPlanned') === true) !== filter.prosthesisPlanned
  ) {
    return false;
  }
  if (filter.restored !== undefined && (attribute(event, 'restored') === true) !== filter.restored) return false;
  if (filter.prescriptionDays) {
    const days = dispense
      ? prescriptionDays(dispense)
      : event.type === 'procedure-performed'
        ? event.prescriptionDays
        : undefined;
    const { min, max } = filter.prescriptionDays;
    if (days === undefined || (min !== undefined && days < min) || (max !== undefined && days > max)) return false;
  }
  return true;
}
