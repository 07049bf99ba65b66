import { type DecisionThresholds } from './link-decision';

export interface LinkConfig {
  readonly thresholds: DecisionThresholds;
  readonly maxBlockSize: number;
  /** Random record pairs drawn to estimate u (almost all random pairs are non-matches). */
  readonly uSamplePairs: number;
  /**
   * EM also fits a u among the candidates, so that namesakes (same name, other birth date) form the
   * non-match class instead of pulling m towards them. Scoring always uses u from random pairs.
   */
  readonly emEstimatesU: boolean;
  readonly emMaxIterations: number;
  readonly emTolerance: number;
  readonly seed: number;
}

/**
 * The one configuration used for every data set (FEBRL, our Chinese set, production): weights are
 * learnt per data set by EM, only these decision rules are fixed. Tuned once on FEBRL 1-3 and the
 * generated Chinese set; see docs/adr/0004-empi-matching.md.
 */
export const DEFAULT_LINK_CONFIG: LinkConfig = {
  thresholds: { match: 0.7, possible: 0.2, minIdentityWeight: 3 },
  maxBlockSize: 400,
  uSamplePairs: 50_000,
  emEstimatesU: true,
  emMaxIterations: 200,
  emTolerance: 1e-6,
  seed: 20_240_601,
};
