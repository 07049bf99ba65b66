import { addDays, ageOn, formatInstant, presetRange, shanghaiDate } from './shanghai-time';

describe('Asia/Shanghai dates', () => {
  it('shows instants in Shanghai time whatever offset they were written with', () => {
    // 16:30 UTC is 00:30 the next day in Shanghai (UTC+8, no daylight saving).
    expect(formatInstant('2026-03-01T16:30:00Z', 'zh-CN')).toBe('2026-03-02 00:30');
    expect(formatInstant('2026-03-02T00:30:00+08:00', 'en')).toBe('2026-03-02 00:30');
    expect(shanghaiDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });

  it('keeps an unparseable instant as it came rather than showing a wrong date', () => {
    expect(formatInstant('not a date', 'zh-CN')).toBe('not a date');
  });

  it('computes inclusive preset ranges across month, quarter and year ends', () => {
    expect(presetRange('last7', '2026-03-02')).toEqual({ from: '2026-02-24', to: '2026-03-02' });
    expect(presetRange('last30', '2026-03-02')).toEqual({ from: '2026-02-01', to: '2026-03-02' });
    expect(presetRange('thisMonth', '2026-03-15')).toEqual({ from: '2026-03-01', to: '2026-03-15' });
    expect(presetRange('lastMonth', '2026-01-15')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetRange('lastMonth', '2024-03-31')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(presetRange('thisQuarter', '2026-06-30')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('counts age in completed years (周岁)', () => {
    expect(ageOn('1960-03-02', '2026-03-01')).toBe(65);
    expect(ageOn('1960-03-02', '2026-03-02')).toBe(66);
  });
});
