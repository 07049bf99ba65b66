import { assertPart } from './input-checks';

/** Two-sided confidence levels offered; a closed set keeps the z quantiles exact instead of approximated. */
export type ConfidenceLevel = 0.9 | 0.95 | 0.99;

const Z_BY_LEVEL: Readonly<Record<ConfidenceLevel, number>> = {
  0.9: 1.6448536269514722,
  0.95: 1.959963984540054,
  0.99: 2.5758293035489004,
};

export interface Interval {
  readonly lower: number;
  readonly upper: number;
}

/**
 * Wilson score interval for one proportion. Chosen over the Wald interval because follow-up cohorts are
 * small and rates near 0 or 1 are common; Wald collapses to zero width there.
 */
export function wilsonInterval(successes: number, trials: number, level: ConfidenceLevel = 0.95): Interval {
  assertPart(successes, trials, 'successes', 'trials');
  if (trials === 0) return { lower: 0, upper: 1 };
  const z = Z_BY_LEVEL[level];
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return { lower: Math.max(0, centre - halfWidth), upper: Math.min(1, centre + halfWidth) };
}

export interface ProportionDifference extends Interval {
  /** p1 - p2, or null when either group is empty. */
  readonly difference: number | null;
  readonly level: ConfidenceLevel;
}

/**
 * Difference of two independent proportions p1 - p2 with Newcombe's hybrid score interval (1998, method
 * 10), built from the two Wilson intervals: it keeps its coverage with small groups and extreme rates.
 */
export function newcombeDifference(
  successes1: number,
  trials1: number,
  successes2: number,
  trials2: number,
  level: ConfidenceLevel = 0.95,
): ProportionDifference {
  assertPart(successes1, trials1, 'successes1', 'trials1');
  assertPart(successes2, trials2, 'successes2', 'trials2');
  if (trials1 === 0 || trials2 === 0) return { difference: null, lower: -1, upper: 1, level };
  const p1 = successes1 / trials1;
  const p2 = successes2 / trials2;
  const w1 = wilsonInterval(successes1, trials1, level);
  const w2 = wilsonInterval(successes2, trials2, level);
  const difference = p1 - p2;
  return {
    difference,
    lower: difference - Math.sqrt((p1 - w1.lower) ** 2 + (w2.upper - p2) ** 2),
    upper: difference + Math.sqrt((w1.upper - p1) ** 2 + (p2 - w2.lower) ** 2),
    level,
  };
}
