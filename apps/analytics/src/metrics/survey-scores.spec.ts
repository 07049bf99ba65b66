import { customerSatisfaction, netPromoterScore, surveyResponseRate } from './survey-scores';
import { MetricErrorCode } from './metrics.errors';

describe('netPromoterScore', () => {
  it('subtracts the detractor share from the promoter share in percentage points', () => {
    // 8 answers: promoters 10, 9, 9 (3); passives 8, 7 (2); detractors 6, 3, 0 (3).
    // NPS = (3 - 3) / 8 * 100 = 0.
    expect(netPromoterScore([10, 9, 9, 8, 7, 6, 3, 0])).toEqual({ score: 0, promoters: 3, passives: 2, detractors: 3 });
    // 5 answers: promoters 10, 10, 9 (3); passive 8; detractor 6 -> (3 - 1) / 5 * 100 = 40.
    expect(netPromoterScore([10, 10, 9, 8, 6]).score).toBe(40);
  });

  it('is null without answers and rejects scores outside 0-10', () => {
    expect(netPromoterScore([]).score).toBeNull();
    expect(() => netPromoterScore([11])).toThrow(expect.objectContaining({ code: MetricErrorCode.InvalidScore }));
    expect(() => netPromoterScore([7.5])).toThrow(expect.objectContaining({ code: MetricErrorCode.InvalidScore }));
  });
});

describe('customerSatisfaction', () => {
  it('is the share of 4 and 5', () => {
    // 5, 4, 4, 3, 2 -> 3 of 5 = 0.6
    expect(customerSatisfaction([5, 4, 4, 3, 2])).toBe(0.6);
  });

  it('rejects 0 on a 1-5 scale', () => {
    expect(() => customerSatisfaction([0])).toThrow(expect.objectContaining({ code: MetricErrorCode.InvalidScore }));
  });
});

describe('surveyResponseRate', () => {
  it('divides answered by sent', () => {
    // 40 questionnaires sent, 14 answered -> 0.35
    expect(surveyResponseRate(40, 14)).toBe(0.35);
    expect(surveyResponseRate(0, 0)).toBeNull();
  });

  it('rejects more answers than surveys', () => {
    expect(() => surveyResponseRate(3, 4)).toThrow(
      expect.objectContaining({ code: MetricErrorCode.CountExceedsTotal }),
    );
  });
});
