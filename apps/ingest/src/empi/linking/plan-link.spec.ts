import { DeterministicReason, LinkDecision, type ScoredPair } from '../matching';
import { planLink, type ScoredCandidate } from './plan-link';

const pair = (rightId: string, decision: LinkDecision, score: number, reason?: DeterministicReason): ScoredPair => ({
  leftId: 'incoming',
  rightId,
  score,
  weight: score * 10,
  decision,
  ...(reason ? { reason } : {}),
});
const candidate = (enterpriseId: string, p: ScoredPair, bothDated = true): ScoredCandidate => ({
  enterpriseId,
  pair: p,
  bothDated,
});

describe('planLink (what an incoming source record joins)', () => {
  it('links to the enterprise patient of the best MATCH, carrying the identifier rule that decided it', () => {
    const plan = planLink(
      [
        candidate('EP1', pair('r1', LinkDecision.PossibleMatch, 0.5)),
        candidate('EP2', pair('r2', LinkDecision.Match, 1, DeterministicReason.SameResidentIdCard)),
        candidate('EP3', pair('r3', LinkDecision.Match, 0.8)),
      ],
      new Set(),
    );
    expect(plan).toEqual({ kind: 'match', enterpriseId: 'EP2', score: 1, reason: 'same-resident-id-card' });
  });

  it('sends the best POSSIBLE_MATCH to review when nothing matches outright', () => {
    const plan = planLink(
      [
        candidate('EP1', pair('r1', LinkDecision.PossibleMatch, 0.3)),
        candidate('EP2', pair('r2', LinkDecision.PossibleMatch, 0.6)),
      ],
      new Set(),
    );
    expect(plan).toEqual({ kind: 'possible', enterpriseId: 'EP2', score: 0.6 });
  });

  it('registers a new patient when every candidate is a NO_MATCH or there are none', () => {
    expect(planLink([candidate('EP1', pair('r1', LinkDecision.NoMatch, 0.01))], new Set())).toEqual({ kind: 'none' });
    expect(planLink([], new Set())).toEqual({ kind: 'none' });
  });

  it('never proposes an enterprise patient a data steward ruled out (manual NO_MATCH)', () => {
    const plan = planLink(
      [
        candidate('EP1', pair('r1', LinkDecision.Match, 0.95)),
        candidate('EP2', pair('r2', LinkDecision.PossibleMatch, 0.4)),
      ],
      new Set(['EP1']),
    );
    expect(plan).toEqual({ kind: 'possible', enterpriseId: 'EP2', score: 0.4 });
  });

  it('vetoes an enterprise patient holding a record with a different valid ID card, whatever its other records score', () => {
    const plan = planLink(
      [
        candidate('EP1', pair('r1', LinkDecision.Match, 0.99)),
        candidate('EP1', pair('r2', LinkDecision.NoMatch, 0, DeterministicReason.DifferentResidentIdCards)),
      ],
      new Set(),
    );
    expect(plan).toEqual({ kind: 'none' });
  });

  it('scores an enterprise patient by its best record', () => {
    const plan = planLink(
      [candidate('EP1', pair('r1', LinkDecision.NoMatch, 0.05)), candidate('EP1', pair('r2', LinkDecision.Match, 0.9))],
      new Set(),
    );
    expect(plan).toMatchObject({ kind: 'match', enterpriseId: 'EP1', score: 0.9 });
  });

  it('sends a probabilistic MATCH to review when either record lacks a birth date', () => {
    expect(planLink([candidate('EP1', pair('r1', LinkDecision.Match, 0.86), false)], new Set())).toEqual({
      kind: 'possible',
      enterpriseId: 'EP1',
      score: 0.86,
    });
  });

  it('still links on a strong identifier rule without birth dates', () => {
    const plan = planLink(
      [candidate('EP1', pair('r1', LinkDecision.Match, 1, DeterministicReason.SamePassport), false)],
      new Set(),
    );
    expect(plan).toMatchObject({ kind: 'match', enterpriseId: 'EP1' });
  });
});
