import { choosePreset, initialFilter, toMetricFilter } from './dashboard-filter';

describe('dashboard filter', () => {
  it('starts with the last 30 days, nothing narrowed, no grouping', () => {
    expect(toMetricFilter(initialFilter('2026-03-31'), 'org-1')).toEqual({
      org: 'org-1',
      from: '2026-03-02',
      to: '2026-03-31',
      site: undefined,
      department: undefined,
      drugClass: undefined,
      channel: undefined,
      groupBy: undefined,
    });
  });

  it('sends chosen dimensions trimmed and swaps an inverted custom range', () => {
    const state = {
      ...choosePreset(initialFilter('2026-03-31'), undefined, '2026-03-31'),
      from: '2026-03-10',
      to: '2026-03-01',
      site: ' clinic-east ',
      groupBy: 'period' as const,
    };
    expect(toMetricFilter(state, 'org-1')).toMatchObject({
      from: '2026-03-01',
      to: '2026-03-10',
      site: 'clinic-east',
      groupBy: 'period',
    });
  });

  it('moves both dates when a preset is chosen', () => {
    const state = choosePreset(initialFilter('2026-03-31'), 'lastMonth', '2026-03-31');
    expect([state.preset, state.from, state.to]).toEqual(['lastMonth', '2026-02-01', '2026-02-28']);
  });
});
