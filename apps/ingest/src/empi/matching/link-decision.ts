import { type DeterministicReason } from './deterministic-rules';

export enum LinkDecision {
  /** Linked automatically. */
  Match = 'MATCH',
  /** Goes to the review queue. */
  PossibleMatch = 'POSSIBLE_MATCH',
  NoMatch = 'NO_MATCH',
}

export interface ScoredPair {
  readonly leftId: string;
  readonly rightId: string;
  /** Posterior match probability in [0, 1] (1 for a deterministic match, 0 for a deterministic non-match). */
  readonly score: number;
  /** Fellegi-Sunter match weight, log2 of the likelihood ratio. */
  readonly weight: number;
  readonly decision: LinkDecision;
  readonly reason?: DeterministicReason;
}

export interface DecisionThresholds {
  /** Posterior probability at or above which a pair is linked automatically. */
  readonly match: number;
  /** Posterior probability at or above which a pair goes to review. */
  readonly possible: number;
  /** Least identity evidence (bits, see `identityWeight`) a MATCH needs besides the posterior. */
  readonly minIdentityWeight: number;
}

/**
 * MATCH needs the posterior above the threshold and enough identity evidence; a pair held together
 * by phone and address alone (a family) goes to review at most.
 */
export function decide(probability: number, identityWeight: number, thresholds: DecisionThresholds): LinkDecision {
  if (probability >= thresholds.match && identityWeight >= thresholds.minIdentityWeight) return LinkDecision.Match;
  if (probability >= thresholds.possible) return LinkDecision.PossibleMatch;
  return LinkDecision.NoMatch;
}
