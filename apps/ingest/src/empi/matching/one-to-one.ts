import { type ScoredPair } from './link-decision';

/**
 * Two-source linkage where each source holds a person at most once: keeps a pair only when neither of
 * its records is already taken by a better-scored pair (greedy by score, ties by weight). Greedy is
 * what review staff expect ("the best candidate wins") and is within a factor 2 of the optimal
 * assignment, which at these score gaps it almost always equals.
 */
export function assignOneToOne(pairs: readonly ScoredPair[]): ScoredPair[] {
  const ordered = [...pairs].sort((x, y) => y.score - x.score || y.weight - x.weight);
  const takenLeft = new Set<string>();
  const takenRight = new Set<string>();
  const kept: ScoredPair[] = [];
  for (const pair of ordered) {
    if (takenLeft.has(pair.leftId) || takenRight.has(pair.rightId)) continue;
    takenLeft.add(pair.leftId);
    takenRight.add(pair.rightId);
    kept.push(pair);
  }
  return kept;
}
