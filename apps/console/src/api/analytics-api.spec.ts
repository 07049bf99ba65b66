import { filterQuery, headline, intervalOf } from './analytics-api';

describe('reading analytics answers', () => {
  it('takes the ungrouped figure as the headline', () => {
    expect(headline({ metric: {} as never, groups: [{ key: null, value: 0.72 }] })?.value).toBe(0.72);
    expect(headline({ metric: {} as never, groups: [] })).toBeUndefined();
  });

  it('finds the confidence interval wherever a metric nests it', () => {
    // As the lift metric answers: value is lift.difference, the Newcombe interval sits beside it.
    const lift = {
      key: null,
      value: 0.2,
      followedUp: { rate: 0.8, successes: 56, patients: 70 },
      control: { rate: 0.6, successes: 48, patients: 80 },
      lift: { difference: 0.2, lower: 0.0524, upper: 0.3339, level: 0.95 },
    };
    expect(intervalOf(lift)).toEqual({ lower: 0.0524, upper: 0.3339, level: 0.95 });
    expect(intervalOf({ key: null, value: 0.5, patients: 10 })).toBeUndefined();
  });

  it('sends only the filters that are set', () => {
    const query = filterQuery({ org: 'org-1', from: '2026-03-01', to: '2026-03-31', site: 'east' });
    expect(Object.entries(query).filter(([, v]) => v !== undefined)).toEqual([
      ['org', 'org-1'],
      ['from', '2026-03-01'],
      ['to', '2026-03-31'],
      ['site', 'east'],
    ]);
  });
});
