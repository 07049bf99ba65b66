import { type WeeklySummaryPublishedV1 } from '@revisit/domain';
import { toCsv } from '../http/csv';
import { FIGURE_LABELS, formatFigure, REPORT_TEXT, type ReportLanguage } from './report-labels';
import { type WeeklyFigures } from './weekly-figures';

const KEYS = Object.keys(FIGURE_LABELS) as (keyof WeeklyFigures)[];

/** Columns of the report: the organisation, then each department. */
export function reportColumns(s: WeeklySummaryPublishedV1, lang: ReportLanguage) {
  return [
    { title: REPORT_TEXT.organisation[lang], figures: s.figures },
    ...s.byDepartment.map((d) => ({ title: d.departmentCode, figures: d.figures })),
  ];
}

export function reportRows(s: WeeklySummaryPublishedV1, lang: ReportLanguage): string[][] {
  const columns = reportColumns(s, lang);
  return KEYS.map((key) => [FIGURE_LABELS[key][lang], ...columns.map((c) => formatFigure(key, c.figures[key], lang))]);
}

export function weeklyReportCsv(s: WeeklySummaryPublishedV1, lang: ReportLanguage): string {
  const columns = reportColumns(s, lang);
  // Raw numbers (not the formatted percentages) so the sheet can compute with them.
  return toCsv(
    [REPORT_TEXT.figure[lang], ...columns.map((c) => c.title)],
    KEYS.map((key) => [FIGURE_LABELS[key][lang], ...columns.map((c) => c.figures[key])]),
  );
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A self-contained HTML page (no scripts, inline style) suitable for e-mail or printing. */
export function weeklyReportHtml(s: WeeklySummaryPublishedV1, lang: ReportLanguage): string {
  const columns = reportColumns(s, lang);
  const head = [REPORT_TEXT.figure[lang], ...columns.map((c) => c.title)].map((h) => `<th>${escapeHtml(h)}</th>`);
  const body = reportRows(s, lang).map(
    (row) =>
      `<tr>${row.map((cell, i) => (i === 0 ? `<th>${escapeHtml(cell)}</th>` : `<td>${escapeHtml(cell)}</td>`)).join('')}</tr>`,
  );
  const title = `${REPORT_TEXT.title[lang]} · ${s.orgId} · ${REPORT_TEXT.week[lang]} ${s.weekStart}`;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:2em}
table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.3em .8em}td{text-align:right}
thead th{background:#f3f3f3}</style></head>
<body><h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(REPORT_TEXT.week[lang])}: ${s.weekStart} (${escapeHtml(s.timeZone)}) · ${escapeHtml(REPORT_TEXT.published[lang])}: ${escapeHtml(s.publishedAt)}</p>
<table><thead><tr>${head.join('')}</tr></thead><tbody>
${body.join('\n')}
</tbody></table></body></html>
`;
}
