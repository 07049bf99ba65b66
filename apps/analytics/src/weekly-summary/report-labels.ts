import { type WeeklyFigures } from './weekly-figures';

export type ReportLanguage = 'zh-CN' | 'en';

/** Row labels of the weekly report, in figure order; percentages are shown for the rates. */
export const FIGURE_LABELS: Readonly<Record<keyof WeeklyFigures, Record<ReportLanguage, string>>> = {
  tasksCreated: { 'zh-CN': '新建回访任务', en: 'Follow-up tasks created' },
  tasksCompleted: { 'zh-CN': '完成回访任务', en: 'Tasks completed' },
  tasksCancelled: { 'zh-CN': '取消回访任务', en: 'Tasks cancelled' },
  tasksOverdue: { 'zh-CN': '周末逾期任务', en: 'Tasks overdue at week end' },
  attempts: { 'zh-CN': '外呼/触达次数', en: 'Outreach attempts' },
  reachRate: { 'zh-CN': '接通率', en: 'Reach rate' },
  csatAverage: { 'zh-CN': '满意度均分 (1-5)', en: 'Average CSAT (1-5)' },
  npsScore: { 'zh-CN': '净推荐值 NPS', en: 'Net promoter score' },
  complaintsOpened: { 'zh-CN': '新增投诉/反馈', en: 'Complaints opened' },
  complaintsResolved: { 'zh-CN': '办结投诉/反馈', en: 'Complaints resolved' },
  complaintSlaMetRate: { 'zh-CN': '按时办结率', en: 'Resolved within SLA' },
  returnVisitsBooked: { 'zh-CN': '回访中预约复诊', en: 'Return visits booked during follow-up' },
};

export const REPORT_TEXT = {
  title: { 'zh-CN': '回访周报', en: 'Weekly follow-up summary' },
  week: { 'zh-CN': '统计周', en: 'Week' },
  figure: { 'zh-CN': '指标', en: 'Figure' },
  organisation: { 'zh-CN': '全院/全店', en: 'Whole organisation' },
  department: { 'zh-CN': '科室', en: 'Department' },
  noData: { 'zh-CN': '无数据', en: 'no data' },
  published: { 'zh-CN': '生成时间', en: 'Published' },
} as const;

const RATES: ReadonlySet<keyof WeeklyFigures> = new Set(['reachRate', 'complaintSlaMetRate']);

export function formatFigure(key: keyof WeeklyFigures, value: number | undefined, lang: ReportLanguage): string {
  if (value === undefined) return REPORT_TEXT.noData[lang];
  if (RATES.has(key)) return `${(value * 100).toFixed(1)}%`;
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}
