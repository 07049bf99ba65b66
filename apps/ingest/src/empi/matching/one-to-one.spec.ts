import { LinkDecision, type ScoredPair } from './link-decision';
import { assignOneToOne } from './one-to-one';

const pair = (leftId: string, rightId: string, score: number): ScoredPair => ({
  leftId,
  rightId,
  score,
  weight: score * 10,
  decision: LinkDecision.Match,
});

describe('one-to-one assignment', () => {
  it('keeps the best pair for each record on either side', () => {
    const kept = assignOneToOne([
      pair('a1', 'b1', 0.95),
      pair('a1', 'b2', 0.99),
      pair('a2', 'b2', 0.97),
      pair('a2', 'b1', 0.9),
    ]);
    expect(kept.map((p) => `${p.leftId}-${p.rightId}`)).toEqual(['a1-b2', 'a2-b1']);
  });

  it('breaks score ties by weight', () => {
    const kept = assignOneToOne([
      { ...pair('a1', 'b1', 1), weight: 20 },
      { ...pair('a1', 'b2', 1), weight: 40 },
    ]);
    expect(kept.map((p) => p.rightId)).toEqual(['b2']);
  });
});
