import { type DoseUnit, doseUnitOf } from './dose-units';

/** One packaging level: one `unit` contains `contains` of `of` (e.g. 1 盒 = 3 板, 1 板 = 10 片). */
export interface PackagingLevel {
  readonly unit: string;
  readonly contains: number;
  readonly of: string;
}

/** Strength of one dose unit, e.g. 5 mg per tablet, used when the sig doses by weight. */
export interface Strength {
  readonly value: number;
  readonly unit: string;
  readonly per: string;
}

/**
 * Converts a dispensed amount into `target` units by walking the packaging levels (box -> blister ->
 * tablet) and, for doses by weight, the strength. Undefined when no path exists: the caller flags it.
 */
export function convertQuantity(
  amount: number,
  from: DoseUnit,
  target: DoseUnit,
  packaging: readonly PackagingLevel[],
  strength?: Strength,
): number | undefined {
  const levels = packaging.flatMap((level) => {
    const unit = doseUnitOf(level.unit);
    const of = doseUnitOf(level.of);
    return unit && of && level.contains > 0 ? [{ unit, of, contains: level.contains }] : [];
  });
  if (strength) {
    const weightUnit = doseUnitOf(strength.unit);
    const per = doseUnitOf(strength.per);
    if (weightUnit && per && strength.value > 0) levels.push({ unit: per, of: weightUnit, contains: strength.value });
  }
  let unit = from;
  let value = amount;
  for (let hops = 0; hops <= levels.length; hops++) {
    if (unit === target) return value;
    const level = levels.find((candidate) => candidate.unit === unit);
    if (!level) return undefined;
    value *= level.contains;
    unit = level.of;
  }
  return undefined;
}

/** The unit dose a dispensed unit breaks down into (盒 -> 板 -> 片 gives 片); itself without packaging. */
export function innermostUnit(from: DoseUnit, packaging: readonly PackagingLevel[]): DoseUnit {
  let unit = from;
  for (let hops = 0; hops < packaging.length; hops++) {
    const level = packaging.find((candidate) => doseUnitOf(candidate.unit) === unit);
    const inner = level ? doseUnitOf(level.of) : undefined;
    if (!inner) break;
    unit = inner;
  }
  return unit;
}
