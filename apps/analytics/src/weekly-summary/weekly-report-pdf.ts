import { existsSync } from 'node:fs';
import { type WeeklySummaryPublishedV1 } from '@revisit/domain';
import PDFDocument from 'pdfkit';
import { REPORT_TEXT, type ReportLanguage } from './report-labels';
import { reportColumns, reportRows } from './weekly-report';

/**
 * A CJK font PDFKit can embed (subset) into the report: WenQuanYi Micro Hei from Debian's
 * `fonts-wqy-microhei`, which the bootstrap and the service image install. Override with REPORT_FONT_PATH.
 */
export const DEFAULT_REPORT_FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
const TTC_FACE = 'WenQuanYiMicroHei';

export function reportFontAvailable(fontPath: string): boolean {
  return existsSync(fontPath);
}

/** The weekly report as an A4 PDF, the table split over pages of at most four departments. */
export async function weeklyReportPdf(
  s: WeeklySummaryPublishedV1,
  lang: ReportLanguage,
  fontPath: string,
): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 40, info: { Title: `${REPORT_TEXT.title[lang]} ${s.weekStart}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  if (fontPath.endsWith('.ttc')) doc.font(fontPath, TTC_FACE);
  else doc.font(fontPath);
  const columns = reportColumns(s, lang);
  const rows = reportRows(s, lang);
  const perPage = 5;
  for (let first = 0; first < columns.length; first += perPage) {
    if (first > 0) doc.addPage();
    doc.fontSize(16).text(`${REPORT_TEXT.title[lang]} · ${s.orgId}`);
    doc.fontSize(10).text(`${REPORT_TEXT.week[lang]}: ${s.weekStart} (${s.timeZone})`).moveDown();
    const shown = columns.slice(first, first + perPage);
    const labelWidth = 170;
    const width = (doc.page.width - 80 - labelWidth) / shown.length;
    let y = doc.y;
    const line = (cells: string[]) => {
      doc.text(cells[0]!, 40, y, { width: labelWidth });
      cells.slice(1).forEach((cell, i) => doc.text(cell, 40 + labelWidth + i * width, y, { width, align: 'right' }));
      y += 18;
    };
    line([REPORT_TEXT.figure[lang], ...shown.map((c) => c.title)]);
    for (const row of rows) line([row[0]!, ...row.slice(1 + first, 1 + first + perPage)]);
  }
  doc.end();
  return done;
}
