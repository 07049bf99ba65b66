import { formatDuration, formatMetricValue } from './metric-value';

describe('metric values on the dashboard', () => {
  it('shows an empty denominator as "no data", never as 0 %', () => {
    expect(formatMetricValue(null, 'ratio', 'zh-CN')).toBe('暂无数据');
    expect(formatMetricValue(null, 'ratio', 'en')).toBe('No data');
    expect(formatMetricValue(0, 'ratio', 'en')).toBe('0.0%');
  });

  it('formats each unit the catalogue declares', () => {
    expect(formatMetricValue(0.8125, 'ratio', 'zh-CN')).toBe('81.3%');
    expect(formatMetricValue(25, 'percentage-points', 'en')).toBe('+25.0');
    expect(formatMetricValue(-12.5, 'percentage-points', 'en')).toBe('-12.5');
    expect(formatMetricValue(36.5, 'days', 'zh-CN')).toBe('36.5 天');
    expect(formatMetricValue(30, 'hours', 'en')).toBe('30.0 h');
    expect(formatMetricValue(1234567, 'money-minor-units', 'zh-CN')).toBe('¥12,345.67');
    expect(formatMetricValue(89.25, 'score', 'zh-CN')).toBe('89.3 分');
    expect(formatMetricValue(89.25, 'score', 'en')).toBe('89.3 / 100');
    expect(formatMetricValue(1200, 'count', 'en')).toBe('1,200');
  });

  it('shows talk time as h:mm:ss', () => {
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(formatDuration(59.6)).toBe('0:01:00');
  });
});
