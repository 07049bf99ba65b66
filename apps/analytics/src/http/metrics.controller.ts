import { Controller, Get, Inject, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { AnalyticsAccessGuard, type RequestWithViewer } from '../access/analytics-access.guard';
import { canSeePatients, maskPatientId } from '../access/viewer';
import { METRIC_CATALOGUE, MetricError } from '../metrics';
import { metricNamed } from '../query/metric-registry';
import { patientsBehind } from '../query/metric-patients';
import { type MetricGroup } from '../query/metric-result';
import { MetricQueryError, MetricQueryErrorCode } from '../query/query.errors';
import { toCsv } from './csv';
import { metricQueryOf } from './metric-request';
import { ANALYTICS_ZONE } from './zone.token';

const DEFAULT_PATIENT_LIMIT = 500;

/** The dashboard's API: metric catalogue, one metric by group, and the patients behind it. See README. */
@Controller('v1/metrics')
@UseGuards(AnalyticsAccessGuard)
export class MetricsController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(ANALYTICS_ZONE) private readonly zone: string,
  ) {}

  @Get()
  catalogue(): { metrics: typeof METRIC_CATALOGUE } {
    return { metrics: METRIC_CATALOGUE };
  }

  @Get(':id')
  async metric(@Param('id') id: string, @Query() raw: unknown, @Res({ passthrough: true }) res: Response) {
    const { definition, compute } = metricNamed(id);
    const { query, request } = metricQueryOf(raw, new Date());
    const groups = await this.run(() => compute({ db: this.dataSource.manager, zone: this.zone }, query));
    const body = { metric: definition, query, groups };
    if (request.format !== 'csv') return body;
    const lang = request.lang ?? 'zh-CN';
    const details = [...new Set(groups.flatMap((g) => Object.keys(g).filter((k) => k !== 'key' && k !== 'value')))];
    const header = [lang === 'en' ? (query.groupBy ?? 'group') : '分组', definition.name[lang], ...details];
    csvResponse(res, `${id}_${query.from}_${query.to}.csv`);
    return toCsv(
      header,
      groups.map((g: MetricGroup) => [g.key ?? (lang === 'en' ? 'all' : '全部'), g.value, ...details.map((d) => g[d])]),
    );
  }

  @Get(':id/patients')
  async patients(
    @Param('id') id: string,
    @Query() raw: unknown,
    @Req() req: RequestWithViewer,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { definition } = metricNamed(id);
    const { query, request } = metricQueryOf(raw, new Date());
    const unmasked = req.viewer !== undefined && canSeePatients(req.viewer);
    const limit = request.limit === undefined ? DEFAULT_PATIENT_LIMIT : Number(request.limit);
    const rows = await patientsBehind({ db: this.dataSource.manager, zone: this.zone }, id, query, limit);
    // Roles without patient rights see masked ids and no free text, but still the shape of the data.
    const patients = rows.map((p) => ({
      ...p,
      patientId: unmasked ? p.patientId : maskPatientId(p.patientId),
      ...(p.comments === undefined ? {} : { comments: unmasked ? p.comments : undefined }),
    }));
    const body = { metric: definition, query, masked: !unmasked, patients };
    if (request.format !== 'csv') return body;
    const en = request.lang === 'en';
    csvResponse(res, `${id}_patients_${query.from}_${query.to}.csv`);
    return toCsv(
      en ? ['patient', 'facts', 'first date', 'last date', 'arm'] : ['患者', '记录数', '首次日期', '末次日期', '分组'],
      patients.map((p) => [p.patientId, p.facts, p.firstDate, p.lastDate, p.arm]),
    );
  }

  /** A metric function rejecting stored facts is a data problem worth a clear 422, not an anonymous 500. */
  private async run<T>(compute: () => Promise<T>): Promise<T> {
    try {
      return await compute();
    } catch (error) {
      if (error instanceof MetricError) throw new MetricQueryError(MetricQueryErrorCode.InvalidInput, error.message);
      throw error;
    }
  }
}

function csvResponse(res: Response, filename: string): void {
  res.setHeader('content-type', 'text/csv; charset=utf-8');
  res.setHeader('content-disposition', `attachment; filename="${filename}"`);
}
