import { doseUnitOf } from './dose-units';
import { parseSig } from './sig-parser';
import { SupplyProblemCode } from './supply.errors';
import { convertQuantity, innermostUnit, type PackagingLevel, type Strength } from './unit-conversion';

export interface DispensedAmount {
  readonly quantity: number;
  readonly unit: string;
  readonly sig?: string;
  /** days of supply recorded by the dispensing pharmacist (FHIR MedicationDispense.daysSupply) */
  readonly recordedDaysSupply?: number;
  readonly packaging?: readonly PackagingLevel[];
  readonly strength?: Strength;
}

export type DaysSupplyResult =
  | { readonly ok: true; readonly days: number; readonly dailyAmount?: number; readonly source: 'sig' | 'recorded' }
  | { readonly ok: false; readonly problem: SupplyProblemCode };

/** Units consumed per day according to the sig, in the dispensed unit; a problem code when unreadable. */
export function dailyConsumption(amount: DispensedAmount): { daily: number } | { problem: SupplyProblemCode } {
  if (amount.sig === undefined || amount.sig.trim() === '') return { problem: SupplyProblemCode.SigMissing };
  const sig = parseSig(amount.sig);
  const dispensedUnit = doseUnitOf(amount.unit);
  // A sig without a unit ("1-0-1", "每次2") doses in the unit dose of the package, not in boxes.
  const doseUnit = sig.doseUnit ?? (dispensedUnit ? innermostUnit(dispensedUnit, amount.packaging ?? []) : undefined);
  let dailyInDoseUnit: number;
  if (sig.dailyAmount !== undefined) {
    dailyInDoseUnit = sig.dailyAmount;
  } else {
    if (sig.timesPerDay === undefined) {
      return { problem: sig.asNeeded ? SupplyProblemCode.SigAsNeeded : SupplyProblemCode.SigFrequencyUnreadable };
    }
    if (sig.dose === undefined) return { problem: SupplyProblemCode.SigDoseUnreadable };
    dailyInDoseUnit = sig.timesPerDay * sig.dose;
  }
  if (sig.asNeeded) return { problem: SupplyProblemCode.SigAsNeeded };
  if (dispensedUnit === undefined || doseUnit === undefined) return { problem: SupplyProblemCode.UnitNotConvertible };
  // How many dose units one dispensed unit holds (1 盒 = 30 片; 1 片 = 5 mg).
  const perDispensedUnit = convertQuantity(1, dispensedUnit, doseUnit, amount.packaging ?? [], amount.strength);
  if (perDispensedUnit === undefined || perDispensedUnit <= 0) return { problem: SupplyProblemCode.UnitNotConvertible };
  return { daily: dailyInDoseUnit / perDispensedUnit };
}

/**
 * Whole days a dispensed quantity lasts: quantity / daily consumption, rounded down so the call
 * before run-out is never late. The sig is authoritative; the pharmacist's recorded days of supply is
 * used only when the sig cannot be read. When neither is usable the problem is returned, never a guess.
 */
export function daysOfSupply(amount: DispensedAmount, returnedQuantity = 0): DaysSupplyResult {
  const remaining = amount.quantity - returnedQuantity;
  const consumption = dailyConsumption(amount);
  if ('daily' in consumption) {
    if (remaining <= 0) return { ok: true, days: 0, dailyAmount: consumption.daily, source: 'sig' };
    return {
      ok: true,
      days: Math.floor(remaining / consumption.daily + 1e-9),
      dailyAmount: consumption.daily,
      source: 'sig',
    };
  }
  if (amount.recordedDaysSupply !== undefined && amount.quantity > 0) {
    const share = Math.max(0, remaining) / amount.quantity;
    return { ok: true, days: Math.floor(amount.recordedDaysSupply * share + 1e-9), source: 'recorded' };
  }
  if (amount.quantity <= 0) return { ok: false, problem: SupplyProblemCode.QuantityNotPositive };
  return { ok: false, problem: consumption.problem };
}
