import { DeterministicReason, LinkDecision, type ScoredPair } from '../matching';

/** A scored candidate record, with the enterprise patient it currently belongs to. */
export interface ScoredCandidate {
  readonly enterpriseId: string;
  readonly pair: ScoredPair;
  /** Both records state a birth date, so the score rests on more than names and contact details. */
  readonly bothDated: boolean;
}

export type LinkPlan =
  | { readonly kind: 'match'; readonly enterpriseId: string; readonly score: number; readonly reason?: string }
  | { readonly kind: 'possible'; readonly enterpriseId: string; readonly score: number }
  | { readonly kind: 'none' };

/**
 * Decides what an incoming source record joins, per enterprise patient rather than per record:
 * - an enterprise patient holding a record with a different valid ID card is a different person, whatever
 *   its other records score;
 * - enterprise patients a data steward said this record is not (manual NO_MATCH) are never proposed again;
 * - a probabilistic MATCH between records that do not both state a birth date goes to review instead: a
 *   common name with a shared phone is a family as often as a person, and merging clinical histories on
 *   it cannot be taken back from downstream systems;
 * - otherwise the best-scoring MATCH wins, else the best POSSIBLE_MATCH goes to review, else nobody.
 */
export function planLink(candidates: readonly ScoredCandidate[], excluded: ReadonlySet<string>): LinkPlan {
  const vetoed = new Set(
    candidates.filter((c) => c.pair.reason === DeterministicReason.DifferentResidentIdCards).map((c) => c.enterpriseId),
  );
  const best = new Map<string, ScoredPair>();
  for (const { enterpriseId, pair: scored, bothDated } of candidates) {
    if (excluded.has(enterpriseId) || vetoed.has(enterpriseId)) continue;
    const pair =
      scored.decision === LinkDecision.Match && !scored.reason && !bothDated
        ? { ...scored, decision: LinkDecision.PossibleMatch }
        : scored;
    const known = best.get(enterpriseId);
    if (!known || rank(pair) > rank(known)) best.set(enterpriseId, pair);
  }
  const ordered = [...best.entries()].sort(([, a], [, b]) => rank(b) - rank(a) || b.weight - a.weight);
  const [top] = ordered;
  if (!top) return { kind: 'none' };
  const [enterpriseId, pair] = top;
  switch (pair.decision) {
    case LinkDecision.Match:
      return { kind: 'match', enterpriseId, score: pair.score, ...(pair.reason ? { reason: pair.reason } : {}) };
    case LinkDecision.PossibleMatch:
      return { kind: 'possible', enterpriseId, score: pair.score };
    case LinkDecision.NoMatch:
      return { kind: 'none' };
  }
}

/** MATCH above POSSIBLE_MATCH above NO_MATCH; within a decision, the higher score. */
function rank(pair: ScoredPair): number {
  const tier = pair.decision === LinkDecision.Match ? 2 : pair.decision === LinkDecision.PossibleMatch ? 1 : 0;
  return tier * 10 + pair.score;
}
