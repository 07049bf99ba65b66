import { totalScore } from './audit-queue';

describe('call audit total', () => {
  it('is the share of the checklist points earned, as a whole percentage', () => {
    const criteria = [
      { code: 'greeting', score: 8, maxScore: 10 },
      { code: 'identity-check', score: 18, maxScore: 20 },
      { code: 'script', score: 27, maxScore: 30 },
    ];
    expect(totalScore(criteria)).toBe(88);
    expect(totalScore([{ code: 'all', score: 0, maxScore: 5 }])).toBe(0);
    expect(totalScore([{ code: 'all', score: 5, maxScore: 5 }])).toBe(100);
  });
});
