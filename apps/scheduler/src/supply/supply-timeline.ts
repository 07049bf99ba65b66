import { type DateTime } from 'luxon';
import { daysOfSupply, type DispensedAmount } from './days-supply';
import { doseUnitOf } from './dose-units';
import { type SupplyProblemCode } from './supply.errors';
import { convertQuantity } from './unit-conversion';

export interface CourseDispense extends DispensedAmount {
  readonly dispenseId: string;
  /** dispensing day, start of day in the organisation's zone; the first dose is taken that day */
  readonly day: DateTime;
}

/** A return (退药) of part or all of a dispense; without `dispenseId` it applies to the latest earlier one. */
export interface CourseReturn {
  readonly returnId: string;
  readonly day: DateTime;
  readonly quantity: number;
  readonly unit: string;
  readonly dispenseId?: string;
}

export interface SupplySegment {
  readonly dispenseId: string;
  readonly from: DateTime;
  readonly until: DateTime;
  readonly days: number;
}

export interface SupplyProblem {
  readonly dispenseId: string;
  readonly code: SupplyProblemCode;
}

export interface SupplyTimeline {
  readonly start: DateTime;
  /** first day without medicine; undefined when some dispense's supply could not be computed */
  readonly runOut?: DateTime;
  readonly segments: readonly SupplySegment[];
  readonly problems: readonly SupplyProblem[];
  /** human-readable account of refills and returns that moved the run-out date */
  readonly explanation: readonly string[];
}

function returnedPerDispense(
  dispenses: readonly CourseDispense[],
  returns: readonly CourseReturn[],
): Map<string, number> {
  const returned = new Map<string, number>();
  for (const item of returns) {
    const target =
      item.dispenseId !== undefined
        ? dispenses.find((dispense) => dispense.dispenseId === item.dispenseId)
        : [...dispenses].reverse().find((dispense) => dispense.day <= item.day);
    if (!target) continue;
    const from = doseUnitOf(item.unit);
    const to = doseUnitOf(target.unit);
    const amount =
      from && to ? convertQuantity(item.quantity, from, to, target.packaging ?? [], target.strength) : undefined;
    if (amount === undefined) continue;
    returned.set(target.dispenseId, (returned.get(target.dispenseId) ?? 0) + amount);
  }
  return returned;
}

/**
 * Folds a therapy course's dispenses (sorted by day, then id) into one supply line: a refill starts
 * when the previous supply runs out, or on its own day if that came first, so leftover tablets carry
 * over. Returns shorten the dispense they belong to.
 */
export function buildSupplyTimeline(
  dispenses: readonly CourseDispense[],
  returns: readonly CourseReturn[],
): SupplyTimeline | undefined {
  const first = dispenses[0];
  if (!first) return undefined;
  const returned = returnedPerDispense(dispenses, returns);
  const segments: SupplySegment[] = [];
  const problems: SupplyProblem[] = [];
  const explanation: string[] = [];
  let end: DateTime | undefined;
  for (const dispense of dispenses) {
    const returnedAmount = returned.get(dispense.dispenseId) ?? 0;
    const result = daysOfSupply(dispense, returnedAmount);
    if (!result.ok) {
      problems.push({ dispenseId: dispense.dispenseId, code: result.problem });
      continue;
    }
    if (result.days === 0 && returnedAmount > 0) {
      explanation.push(`dispense ${dispense.dispenseId} fully returned`);
      continue;
    }
    const from = end !== undefined && end > dispense.day ? end : dispense.day;
    const until = from.plus({ days: result.days });
    segments.push({ dispenseId: dispense.dispenseId, from, until, days: result.days });
    const returnNote = returnedAmount > 0 ? ` after a return of ${returnedAmount} ${dispense.unit}` : '';
    explanation.push(
      `dispense ${dispense.dispenseId} on ${dispense.day.toISODate()} lasts ${result.days} day(s)${returnNote} (from ${result.source}), supply until ${until.toISODate()}`,
    );
    end = until;
  }
  const runOut = problems.length === 0 ? end : undefined;
  return {
    start: first.day,
    ...(runOut === undefined ? {} : { runOut }),
    segments,
    problems,
    explanation,
  };
}
