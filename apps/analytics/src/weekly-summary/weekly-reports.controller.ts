import { Controller, Get, Inject, Param, Query, Res, UseGuards } from '@nestjs/common';
import { type WeeklySummaryPublishedV1 } from '@revisit/domain';
import { parseRequest } from '@revisit/platform';
import { Type } from '@sinclair/typebox';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { AnalyticsAccessGuard } from '../access/analytics-access.guard';
import { MetricQueryError, MetricQueryErrorCode } from '../query/query.errors';
import { table } from '../read-models/read-model-sql';
import { weeklyReportPdf } from './weekly-report-pdf';
import { weeklyReportCsv, weeklyReportHtml } from './weekly-report';

export const REPORT_FONT_PATH = Symbol('REPORT_FONT_PATH');

const Identifier = Type.String({ minLength: 1, maxLength: 64, pattern: '^[^\\s]+$' });
const ListQuery = Type.Object({ org: Identifier }, { additionalProperties: false });
const ReportQuery = Type.Object(
  {
    org: Identifier,
    format: Type.Optional(
      Type.Union([Type.Literal('json'), Type.Literal('html'), Type.Literal('csv'), Type.Literal('pdf')]),
    ),
    lang: Type.Optional(Type.Union([Type.Literal('zh-CN'), Type.Literal('en')])),
  },
  { additionalProperties: false },
);
const WeekParam = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

/** Stored weekly summaries: the list, and one week as JSON, an HTML page, CSV or PDF. */
@Controller('v1/reports/weekly')
@UseGuards(AnalyticsAccessGuard)
export class WeeklyReportsController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REPORT_FONT_PATH) private readonly fontPath: string,
  ) {}

  @Get()
  async list(@Query() raw: unknown) {
    const { org } = parseRequest(ListQuery, raw);
    const rows: { week_start: string; published_at: Date }[] = await this.dataSource.query(
      `SELECT week_start::text, published_at FROM ${table('weekly_summary')} WHERE org_id = $1
        ORDER BY week_start DESC LIMIT 104`,
      [org],
    );
    return { reports: rows.map((r) => ({ weekStart: r.week_start, publishedAt: r.published_at.toISOString() })) };
  }

  @Get(':weekStart')
  async one(@Param('weekStart') weekStart: string, @Query() raw: unknown, @Res({ passthrough: true }) res: Response) {
    const { org, format = 'json', lang = 'zh-CN' } = parseRequest(ReportQuery, raw);
    parseRequest(WeekParam, weekStart);
    const rows: { payload: WeeklySummaryPublishedV1 }[] = await this.dataSource.query(
      `SELECT payload FROM ${table('weekly_summary')} WHERE org_id = $1 AND week_start = $2::date`,
      [org, weekStart],
    );
    const summary = rows[0]?.payload;
    if (summary === undefined) {
      throw new MetricQueryError(MetricQueryErrorCode.ReportNotFound, 'no summary is stored for this week');
    }
    const file = `weekly-summary_${org}_${weekStart}`;
    switch (format) {
      case 'json':
        return summary;
      case 'html':
        res.setHeader('content-type', 'text/html; charset=utf-8');
        return weeklyReportHtml(summary, lang);
      case 'csv':
        res.setHeader('content-type', 'text/csv; charset=utf-8');
        res.setHeader('content-disposition', `attachment; filename="${file}.csv"`);
        return weeklyReportCsv(summary, lang);
      case 'pdf': {
        const pdf = await weeklyReportPdf(summary, lang, this.fontPath);
        res.setHeader('content-type', 'application/pdf');
        res.setHeader('content-disposition', `attachment; filename="${file}.pdf"`);
        res.end(pdf);
        return undefined;
      }
    }
  }
}
