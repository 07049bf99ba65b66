/** How a metric value reads on the dashboard, by the unit its definition declares. */
import { type Locale } from '../i18n/messages';

export type MetricUnit = 'ratio' | 'percentage-points' | 'days' | 'hours' | 'money-minor-units' | 'count' | 'score';

const NO_DATA: Record<Locale, string> = { 'zh-CN': '暂无数据', en: 'No data' };

function fixed(value: number, digits: number, locale: Locale): string {
  return value.toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * `null` is an empty denominator and reads "no data", never 0 %. Ratios show as percentages with one
 * decimal, NPS as signed points, money (integer fen) as yuan with two decimals.
 */
export function formatMetricValue(value: number | null | undefined, unit: MetricUnit, locale: Locale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_DATA[locale];
  switch (unit) {
    case 'ratio':
      return `${fixed(value * 100, 1, locale)}%`;
    case 'percentage-points':
      return `${value > 0 ? '+' : ''}${fixed(value, 1, locale)}`;
    case 'days':
      return locale === 'zh-CN' ? `${fixed(value, 1, locale)} 天` : `${fixed(value, 1, locale)} days`;
    case 'hours':
      return locale === 'zh-CN' ? `${fixed(value, 1, locale)} 小时` : `${fixed(value, 1, locale)} h`;
    case 'money-minor-units':
      return `¥${fixed(value / 100, 2, locale)}`;
    case 'count':
      return fixed(value, 0, locale);
    case 'score':
      return locale === 'zh-CN' ? `${fixed(value, 1, locale)} 分` : `${fixed(value, 1, locale)} / 100`;
  }
}

/** Talk time as `h:mm:ss` for workload tables. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}
