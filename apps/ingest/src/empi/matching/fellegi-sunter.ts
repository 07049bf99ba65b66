import { COMPARISON_FIELDS, FIELD_COUNT, IDENTITY_FIELDS, MISSING } from './comparators/comparison-levels';

/**
 * Fellegi-Sunter model: for each field and agreement level, m = P(level | match) and
 * u = P(level | non-match); `lambda` is the share of matches among candidate pairs. Plain data, so a
 * model learnt by a batch run can be stored and reused by the incremental scorer.
 */
export interface FellegiSunterModel {
  readonly m: readonly (readonly number[])[];
  readonly u: readonly (readonly number[])[];
  readonly lambda: number;
}

export interface EmReport {
  readonly iterations: number;
  readonly converged: boolean;
}

/** Distinct comparison vectors with their multiplicities: EM then costs O(patterns), not O(pairs). */
export interface PatternTable {
  readonly levels: Uint8Array; // patternCount * FIELD_COUNT
  readonly counts: Float64Array;
  readonly patternCount: number;
}

export function tabulatePatterns(vectors: Uint8Array, pairCount: number): PatternTable {
  const index = new Map<number, number>();
  const counts: number[] = [];
  const firstOffsets: number[] = [];
  for (let p = 0; p < pairCount; p++) {
    let key = 0;
    const offset = p * FIELD_COUNT;
    // 3 bits per level (MISSING = 7): FIELD_COUNT * 3 bits stay below 2^53.
    for (let f = 0; f < FIELD_COUNT; f++) key = key * 8 + vectors[offset + f]!;
    const known = index.get(key);
    if (known === undefined) {
      index.set(key, counts.length);
      counts.push(1);
      firstOffsets.push(offset);
    } else {
      counts[known]!++;
    }
  }
  const levels = new Uint8Array(counts.length * FIELD_COUNT);
  firstOffsets.forEach((offset, i) => levels.set(vectors.subarray(offset, offset + FIELD_COUNT), i * FIELD_COUNT));
  return { levels, counts: Float64Array.from(counts), patternCount: counts.length };
}

/** Level frequencies with add-one smoothing, so no level has probability zero. */
export function levelFrequencies(table: PatternTable): number[][] {
  const tallies = COMPARISON_FIELDS.map((field) => field.levels.map(() => 1));
  for (let p = 0; p < table.patternCount; p++) {
    for (let f = 0; f < FIELD_COUNT; f++) {
      const level = table.levels[p * FIELD_COUNT + f]!;
      if (level !== MISSING) tallies[f]![level]! += table.counts[p]!;
    }
  }
  return tallies.map(normalise);
}

function normalise(values: number[]): number[] {
  const total = values.reduce((sum, v) => sum + v, 0);
  return values.map((v) => v / total);
}

/** Starting m: stronger agreement is likelier among matches; EM only needs this ordering to pick the match class. */
function initialM(): number[][] {
  return COMPARISON_FIELDS.map((field) => normalise(field.levels.map((_, level) => Math.pow(0.15, level))));
}

const FLOOR = 1e-6;

export interface EmOptions {
  /** Re-estimate u as well (classic EM); otherwise u stays as given (from random pairs). */
  readonly estimateU: boolean;
  readonly maxIterations: number;
  readonly tolerance: number;
  readonly initialLambda: number;
}

/**
 * Expectation-maximisation of the two-class latent mixture (Winkler 1988) under conditional independence
 * of fields. Missing levels carry no information and are skipped in both steps.
 */
export function estimateByEm(
  table: PatternTable,
  initialU: readonly (readonly number[])[],
  options: EmOptions,
): { model: FellegiSunterModel; report: EmReport } {
  let m = initialM();
  let u = initialU.map((levels) => [...levels]);
  let lambda = options.initialLambda;
  const posterior = new Float64Array(table.patternCount);
  let iterations = 0;
  let converged = false;
  while (iterations < options.maxIterations && !converged) {
    iterations++;
    let matchMass = 0;
    let total = 0;
    for (let p = 0; p < table.patternCount; p++) {
      let pm = lambda;
      let pu = 1 - lambda;
      for (let f = 0; f < FIELD_COUNT; f++) {
        const level = table.levels[p * FIELD_COUNT + f]!;
        if (level === MISSING) continue;
        pm *= m[f]![level]!;
        pu *= u[f]![level]!;
      }
      const g = pm / (pm + pu);
      posterior[p] = g;
      matchMass += g * table.counts[p]!;
      total += table.counts[p]!;
    }
    const nextM = COMPARISON_FIELDS.map((field) => field.levels.map(() => FLOOR));
    const nextU = COMPARISON_FIELDS.map((field) => field.levels.map(() => FLOOR));
    for (let p = 0; p < table.patternCount; p++) {
      const weightMatch = posterior[p]! * table.counts[p]!;
      const weightNon = table.counts[p]! - weightMatch;
      for (let f = 0; f < FIELD_COUNT; f++) {
        const level = table.levels[p * FIELD_COUNT + f]!;
        if (level === MISSING) continue;
        nextM[f]![level]! += weightMatch;
        nextU[f]![level]! += weightNon;
      }
    }
    const newM = nextM.map(normalise);
    const newU = options.estimateU ? nextU.map(normalise) : u;
    const newLambda = Math.min(Math.max(matchMass / total, FLOOR), 1 - FLOOR);
    const change = Math.max(maxDifference(m, newM), maxDifference(u, newU), Math.abs(lambda - newLambda));
    m = newM;
    u = newU;
    lambda = newLambda;
    converged = change < options.tolerance;
  }
  return { model: { m, u, lambda }, report: { iterations, converged } };
}

function maxDifference(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number {
  let max = 0;
  a.forEach((levels, f) => levels.forEach((value, l) => (max = Math.max(max, Math.abs(value - b[f]![l]!)))));
  return max;
}

/** log2(m/u) per field and level: the evidence each agreement level contributes. */
export function levelWeights(model: FellegiSunterModel): Float64Array {
  const weights = new Float64Array(FIELD_COUNT * 8);
  model.m.forEach((levels, f) =>
    levels.forEach((m, l) => (weights[f * 8 + l] = Math.log2(Math.max(m, FLOOR) / Math.max(model.u[f]![l]!, FLOOR)))),
  );
  return weights;
}

/** Total match weight of one comparison vector (missing fields contribute nothing). */
export function matchWeight(weights: Float64Array, vector: Uint8Array, offset = 0): number {
  let total = 0;
  for (let f = 0; f < FIELD_COUNT; f++) {
    const level = vector[offset + f]!;
    if (level !== MISSING) total += weights[f * 8 + level]!;
  }
  return total;
}

/**
 * Evidence from the fields that describe the person (names, birth date, sex, identifier) without the
 * household fields (phone, address): family members share a phone and an address, so those alone must
 * never make two people one.
 */
export function identityWeight(weights: Float64Array, vector: Uint8Array, offset = 0): number {
  let total = 0;
  for (const f of IDENTITY_FIELDS) {
    const level = vector[offset + f]!;
    if (level !== MISSING) total += weights[f * 8 + level]!;
  }
  return total;
}

/** Posterior match probability from the match weight and the prior share of matches. */
export function matchProbability(weight: number, lambda: number): number {
  const odds = (lambda / (1 - lambda)) * Math.pow(2, weight);
  return odds / (1 + odds);
}
