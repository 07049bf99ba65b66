/**
 * The analytics service's dashboard API (apps/analytics, `MetricsController`): the metric catalogue with its
 * definitions, one metric for an organisation and period (optionally grouped by a dimension), the patients
 * behind it, and CSV export of either.
 */
import { type MetricUnit } from '../format/metric-value';
import { type Locale } from '../i18n/messages';
import { type HttpClient } from './http-client';
import { type LocalisedText } from './localised-text';

export interface MetricDefinition {
  readonly id: string;
  readonly name: LocalisedText;
  readonly definition: LocalisedText;
  readonly unit: MetricUnit;
}

/** Dimensions the analytics API groups and filters by (`period` only groups). */
export const GROUP_BY = ['period', 'site', 'department', 'doctor', 'drugClass', 'channel', 'ageBand'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

/** What the dashboard asks for; absent filters mean "all". */
export interface MetricFilter {
  readonly org: string;
  readonly from: string;
  readonly to: string;
  readonly site?: string;
  readonly department?: string;
  readonly drugClass?: string;
  readonly channel?: string;
  readonly groupBy?: GroupBy;
}

/** One figure: the value for a group (`key` null without grouping) plus what it was computed from. */
export interface MetricGroup {
  readonly key: string | null;
  readonly value: number | null;
  readonly [detail: string]: unknown;
}

export interface MetricAnswer {
  readonly metric: MetricDefinition;
  readonly groups: readonly MetricGroup[];
}

export interface ConfidenceInterval {
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
}

export interface DrillDownPatient {
  /** Masked (`EP******45`) unless the caller's role may see who is behind a figure. */
  readonly patientId: string;
  readonly facts?: number;
  readonly firstDate?: string;
  readonly lastDate?: string;
  readonly arm?: string;
}

export interface DrillDownAnswer {
  readonly masked: boolean;
  readonly patients: readonly DrillDownPatient[];
}

export function filterQuery(filter: MetricFilter): Record<string, string | undefined> {
  return {
    org: filter.org,
    from: filter.from,
    to: filter.to,
    site: filter.site,
    department: filter.department,
    drugClass: filter.drugClass,
    channel: filter.channel,
    groupBy: filter.groupBy,
  };
}

/**
 * The confidence interval a metric reports with its value, wherever the metric nests it (`lift` for the
 * follow-up lift, `difference` for the reminder effect): an object with numeric lower, upper and level.
 */
export function intervalOf(group: MetricGroup): ConfidenceInterval | undefined {
  for (const detail of Object.values(group)) {
    if (typeof detail !== 'object' || detail === null) continue;
    const { lower, upper, level } = detail as Record<string, unknown>;
    if (typeof lower === 'number' && typeof upper === 'number' && typeof level === 'number') {
      return { lower, upper, level };
    }
  }
  return undefined;
}

/** The overall figure of an ungrouped answer. */
export function headline(answer: MetricAnswer): MetricGroup | undefined {
  return answer.groups.find((group) => group.key === null) ?? answer.groups[0];
}

const metricPath = (id: string, suffix = ''): string => `/v1/metrics/${encodeURIComponent(id)}${suffix}`;

export class AnalyticsApi {
  constructor(private readonly http: HttpClient) {}

  async listMetrics(): Promise<readonly MetricDefinition[]> {
    return (await this.http.json<{ metrics: MetricDefinition[] }>('analytics', '/v1/metrics')).metrics;
  }

  metric(id: string, filter: MetricFilter): Promise<MetricAnswer> {
    return this.http.json<MetricAnswer>('analytics', metricPath(id), { query: filterQuery(filter) });
  }

  patients(id: string, filter: MetricFilter): Promise<DrillDownAnswer> {
    return this.http.json<DrillDownAnswer>('analytics', metricPath(id, '/patients'), { query: filterQuery(filter) });
  }

  /** The figure (or, with `patients`, the patients behind it) as CSV with headers in the reader's language. */
  exportCsv(id: string, filter: MetricFilter, lang: Locale, patients = false): Promise<Blob> {
    return this.http.blob('analytics', metricPath(id, patients ? '/patients' : ''), {
      query: { ...filterQuery(filter), format: 'csv', lang },
      accept: 'text/csv',
    });
  }
}
