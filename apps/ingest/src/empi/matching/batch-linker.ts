import { candidatePairs } from './blocking';
import { FIELD_COUNT } from './comparators/comparison-levels';
import { compareRecords } from './comparators/record-comparator';
import { deterministicVerdict } from './deterministic-rules';
import {
  estimateByEm,
  identityWeight,
  type EmReport,
  type FellegiSunterModel,
  levelFrequencies,
  levelWeights,
  matchProbability,
  matchWeight,
  tabulatePatterns,
} from './fellegi-sunter';
import { DEFAULT_LINK_CONFIG, type LinkConfig } from './link-config';
import { decide, LinkDecision, type ScoredPair } from './link-decision';
import { assignOneToOne } from './one-to-one';
import { type PersonRecord } from './person-record';
import { type PreparedRecord, prepareRecord } from './prepared-record';
import { randomInt, seededRandom } from '@revisit/sample-data';

export interface LinkStatistics {
  readonly records: number;
  readonly candidatePairs: number;
  readonly skippedBlocks: number;
  readonly patterns: number;
  readonly em: EmReport;
  readonly millis: { prepare: number; block: number; compare: number; estimate: number; decide: number };
}

export interface LinkResult {
  /** MATCH and POSSIBLE_MATCH pairs, best score first. */
  readonly links: ScoredPair[];
  readonly model: FellegiSunterModel;
  readonly statistics: LinkStatistics;
}

/**
 * u from comparisons of random record pairs: at this sample size the few true matches among them are
 * noise. Small inputs are compared exhaustively instead (exact, and cheaper than the sample).
 */
function sampleU(records: readonly PreparedRecord[], config: LinkConfig, leftCount?: number): number[][] {
  const n = records.length;
  const total = leftCount === undefined ? (n * (n - 1)) / 2 : leftCount * (n - leftCount);
  const size = Math.min(total, config.uSamplePairs);
  const vectors = new Uint8Array(size * FIELD_COUNT);
  let drawn = 0;
  const add = (i: number, j: number): void => {
    compareRecords(records[i]!, records[j]!, vectors, drawn * FIELD_COUNT);
    drawn++;
  };
  if (total <= config.uSamplePairs) {
    for (let i = 0; i < (leftCount ?? n); i++) {
      for (let j = leftCount ?? i + 1; j < n; j++) add(i, j);
    }
  } else {
    const random = seededRandom(config.seed);
    while (drawn < size) {
      const i = randomInt(random, leftCount ?? n);
      const j = leftCount === undefined ? randomInt(random, n) : leftCount + randomInt(random, n - leftCount);
      if (i !== j) add(i, j);
    }
  }
  return levelFrequencies(tabulatePatterns(vectors, drawn));
}

/**
 * Links the records of one source (deduplication) or of two sources (`right` given, one-to-one
 * assignment enforced). Steps: normalise, block, compare, learn m/u by EM on the data itself, then
 * decide each pair by strong identifiers first and the Fellegi-Sunter posterior otherwise.
 */
export function linkRecords(
  left: readonly PersonRecord[],
  right?: readonly PersonRecord[],
  config: LinkConfig = DEFAULT_LINK_CONFIG,
): LinkResult {
  const clock = stopwatch();
  const all = right ? [...left, ...right] : left;
  const records = all.map((record, index) => prepareRecord(record, index));
  const leftCount = right ? left.length : undefined;
  const prepare = clock();

  const pairs = candidatePairs(records, { maxBlockSize: config.maxBlockSize }, leftCount);
  const block = clock();

  const vectors = new Uint8Array(pairs.count * FIELD_COUNT);
  for (let p = 0; p < pairs.count; p++) {
    compareRecords(records[pairs.left[p]!]!, records[pairs.right[p]!]!, vectors, p * FIELD_COUNT);
  }
  const compare = clock();

  // EM learns from identity pairs only: with household-only pairs (families sharing phone and address)
  // in the mix, EM tends to find "same household" as the latent class instead of "same person".
  const training = identityPairVectors(vectors, pairs.sharesIdentityKey, pairs.count);
  const table = tabulatePatterns(training.vectors, training.count);
  const randomU = sampleU(records, config, leftCount);
  const { model: fitted, report } = estimateByEm(table, randomU, {
    estimateU: config.emEstimatesU,
    maxIterations: config.emMaxIterations,
    tolerance: config.emTolerance,
    initialLambda: 0.1,
  });
  // Candidates are similar by construction, so a u learnt on them understates agreement by chance; the
  // weights therefore compare against random pairs, and the prior becomes the share of matches among
  // all pairs, not among candidates.
  const allPairs = leftCount === undefined ? (all.length * (all.length - 1)) / 2 : leftCount * (all.length - leftCount);
  const model: FellegiSunterModel = {
    m: fitted.m,
    u: randomU,
    lambda: Math.min(0.5, (fitted.lambda * training.count) / Math.max(1, allPairs)),
  };
  const estimate = clock();

  const weights = levelWeights(model);
  let links: ScoredPair[] = [];
  for (let p = 0; p < pairs.count; p++) {
    const a = records[pairs.left[p]!]!;
    const b = records[pairs.right[p]!]!;
    const verdict = deterministicVerdict(a, b);
    const weight = matchWeight(weights, vectors, p * FIELD_COUNT);
    if (verdict?.outcome === 'non-match') continue;
    const score = verdict ? 1 : matchProbability(weight, model.lambda);
    const decision = verdict
      ? LinkDecision.Match
      : decide(score, identityWeight(weights, vectors, p * FIELD_COUNT), config.thresholds);
    if (decision === LinkDecision.NoMatch) continue;
    links.push({ leftId: a.id, rightId: b.id, score, weight, decision, reason: verdict?.reason });
  }
  links.sort((x, y) => y.score - x.score || y.weight - x.weight);
  if (right) links = assignOneToOne(links);
  const decideMillis = clock();

  return {
    links,
    model,
    statistics: {
      records: records.length,
      candidatePairs: pairs.count,
      skippedBlocks: pairs.skippedBlocks,
      patterns: table.patternCount,
      em: report,
      millis: { prepare, block, compare, estimate, decide: decideMillis },
    },
  };
}

function identityPairVectors(
  vectors: Uint8Array,
  sharesIdentityKey: Uint8Array,
  count: number,
): { vectors: Uint8Array; count: number } {
  const selected = new Uint8Array(vectors.length);
  let kept = 0;
  for (let p = 0; p < count; p++) {
    if (sharesIdentityKey[p] === 0) continue;
    selected.set(vectors.subarray(p * FIELD_COUNT, (p + 1) * FIELD_COUNT), kept * FIELD_COUNT);
    kept++;
  }
  return { vectors: selected, count: kept };
}

function stopwatch(): () => number {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const elapsed = Math.round(now - last);
    last = now;
    return elapsed;
  };
}
