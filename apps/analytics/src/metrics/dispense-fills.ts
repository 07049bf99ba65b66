import {
  DEFAULT_UTC_OFFSET_MINUTES,
  type MedicationDispenseReversedV1,
  type MedicationDispensedV1,
} from '@revisit/domain';
import { type CalendarDate, instantMillis } from './calendar-day';
import { type DispenseFill } from './proportion-of-days-covered';

export interface PatientDrugClassFills {
  readonly patientId: string;
  readonly drugClass: string;
  readonly fills: DispenseFill[];
}

export interface DispenseFillOptions {
  /** Coding system whose codes are the drug classes PDC is measured per, e.g. `urn:revisit:drug-class` or `ATC`. */
  readonly classSystem: string;
  /** Days of supply when the sender did not state it (the scheduler's sig-based calculation, injected). */
  readonly daysSupplyOf?: (dispense: MedicationDispensedV1) => number | undefined;
  readonly utcOffsetMinutes?: number;
}

export interface DispenseFillsResult {
  readonly groups: PatientDrugClassFills[];
  /** Dispenses left out because their days of supply is unknown; shown so a low PDC is not misread. */
  readonly withoutDaysSupply: number;
}

function localDate(instant: string, offsetMinutes: number): CalendarDate {
  return new Date(instantMillis(instant, 'dispensedAt') + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** Days still supplied after returns: a full reversal removes the fill, a partial one shrinks it pro rata. */
function remainingDaysSupply(
  dispense: MedicationDispensedV1,
  days: number,
  reversals: readonly MedicationDispenseReversedV1[],
): number {
  let remaining = days;
  for (const reversal of reversals) {
    if (reversal.fullReversal) return 0;
    // A return in another unit cannot be prorated; it is ignored rather than guessed.
    if (reversal.quantityReturned.unit !== dispense.quantity.unit) continue;
    remaining -= (days * reversal.quantityReturned.value) / dispense.quantity.value;
  }
  return Math.max(0, Math.floor(remaining));
}

/**
 * Turns dispense and reversal events into PDC input: one fill list per enterprise patient and drug class.
 * A dispense in two classes of `classSystem` counts for both.
 */
export function fillsFromDispenses(
  dispenses: readonly MedicationDispensedV1[],
  reversals: readonly MedicationDispenseReversedV1[],
  options: DispenseFillOptions,
): DispenseFillsResult {
  const offset = options.utcOffsetMinutes ?? DEFAULT_UTC_OFFSET_MINUTES;
  const reversalsByDispense = new Map<string, MedicationDispenseReversedV1[]>();
  for (const reversal of reversals) {
    const key = `${reversal.sourceSystem}\u0000${reversal.dispenseId}`;
    reversalsByDispense.set(key, [...(reversalsByDispense.get(key) ?? []), reversal]);
  }
  const groups = new Map<string, PatientDrugClassFills>();
  let withoutDaysSupply = 0;
  for (const dispense of dispenses) {
    const classes = dispense.drug.classCodes.filter((coding) => coding.system === options.classSystem);
    if (classes.length === 0) continue;
    const stated = dispense.daysSupply ?? options.daysSupplyOf?.(dispense);
    if (stated === undefined) {
      withoutDaysSupply += 1;
      continue;
    }
    const daysSupply = remainingDaysSupply(
      dispense,
      stated,
      reversalsByDispense.get(`${dispense.sourceSystem}\u0000${dispense.dispenseId}`) ?? [],
    );
    if (daysSupply === 0) continue;
    const fill: DispenseFill = { dispensedOn: localDate(dispense.dispensedAt, offset), daysSupply };
    for (const coding of classes) {
      const key = `${dispense.patient.enterpriseId}\u0000${coding.code}`;
      const group = groups.get(key) ?? { patientId: dispense.patient.enterpriseId, drugClass: coding.code, fills: [] };
      group.fills.push(fill);
      groups.set(key, group);
    }
  }
  return { groups: [...groups.values()], withoutDaysSupply };
}
