import { FIELD_COUNT } from './comparators/comparison-levels';
import { compareRecords } from './comparators/record-comparator';
import { deterministicVerdict } from './deterministic-rules';
import { type FellegiSunterModel, identityWeight, levelWeights, matchProbability, matchWeight } from './fellegi-sunter';
import { DEFAULT_LINK_CONFIG } from './link-config';
import { decide, type DecisionThresholds, LinkDecision, type ScoredPair } from './link-decision';
import { type PersonRecord } from './person-record';
import { prepareRecord } from './prepared-record';

/**
 * Scores one incoming record against the candidates the caller found through `blockingKeys` (the EMPI
 * service keeps those keys indexed), with a model learnt earlier by `linkRecords`. Returns every
 * candidate, best first; a deterministic non-match scores 0 and is NO_MATCH.
 */
export function matchCandidate(
  record: PersonRecord,
  candidates: readonly PersonRecord[],
  model: FellegiSunterModel,
  thresholds: DecisionThresholds = DEFAULT_LINK_CONFIG.thresholds,
): ScoredPair[] {
  const weights = levelWeights(model);
  const incoming = prepareRecord(record, 0);
  const vector = new Uint8Array(FIELD_COUNT);
  return candidates
    .map((candidate, index): ScoredPair => {
      const other = prepareRecord(candidate, index + 1);
      compareRecords(incoming, other, vector);
      const weight = matchWeight(weights, vector);
      const verdict = deterministicVerdict(incoming, other);
      const base = { leftId: record.id, rightId: candidate.id, weight, reason: verdict?.reason };
      if (verdict?.outcome === 'match') return { ...base, score: 1, decision: LinkDecision.Match };
      if (verdict?.outcome === 'non-match') return { ...base, score: 0, decision: LinkDecision.NoMatch };
      const score = matchProbability(weight, model.lambda);
      return { ...base, score, decision: decide(score, identityWeight(weights, vector), thresholds) };
    })
    .sort((x, y) => y.score - x.score || y.weight - x.weight);
}
