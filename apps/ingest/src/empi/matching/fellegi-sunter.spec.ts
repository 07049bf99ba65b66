import { COMPARISON_FIELDS, FIELD_COUNT, MISSING } from './comparators/comparison-levels';
import { estimateByEm, levelFrequencies, matchProbability, tabulatePatterns } from './fellegi-sunter';
import { seededRandom } from '@revisit/sample-data';

/** Draws comparison vectors from a known two-class model so EM's estimates can be checked. */
function synthetic(pairs: number, lambda: number, seed: number) {
  const random = seededRandom(seed);
  const draw = (probabilities: readonly number[]): number => {
    let roll = random();
    for (let level = 0; level < probabilities.length; level++) if ((roll -= probabilities[level]!) < 0) return level;
    return probabilities.length - 1;
  };
  const trueM = COMPARISON_FIELDS.map((field) =>
    field.levels.map((_, l) => (l === 0 ? 0.85 : 0.15 / (field.levels.length - 1))),
  );
  const trueU = COMPARISON_FIELDS.map((field) =>
    field.levels.map((_, l) => (l === field.levels.length - 1 ? 0.9 : 0.1 / (field.levels.length - 1))),
  );
  const vectors = new Uint8Array(pairs * FIELD_COUNT);
  const isMatch: boolean[] = [];
  for (let p = 0; p < pairs; p++) {
    const match = random() < lambda;
    isMatch.push(match);
    for (let f = 0; f < FIELD_COUNT; f++) {
      // One field in ten is missing, as in real data; EM must skip it.
      vectors[p * FIELD_COUNT + f] = random() < 0.1 ? MISSING : draw((match ? trueM : trueU)[f]!);
    }
  }
  return { vectors, isMatch, trueM, trueU };
}

describe('EM estimation', () => {
  it('recovers m, u and the match share of a known mixture without labels', () => {
    const data = synthetic(40_000, 0.2, 1);
    const table = tabulatePatterns(data.vectors, 40_000);
    const flatU = COMPARISON_FIELDS.map((field) => field.levels.map(() => 1 / field.levels.length));
    const { model, report } = estimateByEm(table, flatU, {
      estimateU: true,
      maxIterations: 500,
      tolerance: 1e-7,
      initialLambda: 0.1,
    });
    expect(report.converged).toBe(true);
    expect(model.lambda).toBeCloseTo(0.2, 2);
    model.m.forEach((levels, f) =>
      levels.forEach((m, l) => expect(Math.abs(m - data.trueM[f]![l]!)).toBeLessThan(0.02)),
    );
    model.u.forEach((levels, f) =>
      levels.forEach((u, l) => expect(Math.abs(u - data.trueU[f]![l]!)).toBeLessThan(0.02)),
    );
  });

  it('aggregates identical vectors into patterns and counts them', () => {
    const vectors = new Uint8Array(3 * FIELD_COUNT);
    vectors.fill(1, FIELD_COUNT, 3 * FIELD_COUNT);
    const table = tabulatePatterns(vectors, 3);
    expect(table.patternCount).toBe(2);
    expect([...table.counts].sort()).toEqual([1, 2]);
    expect(levelFrequencies(table)[0]![1]).toBeGreaterThan(levelFrequencies(table)[0]![0]!);
  });

  it('turns weights into probabilities that grow with the evidence', () => {
    expect(matchProbability(0, 0.5)).toBeCloseTo(0.5);
    expect(matchProbability(10, 0.001)).toBeGreaterThan(matchProbability(5, 0.001));
  });
});
