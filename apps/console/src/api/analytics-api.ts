/**
 * The analytics service's dashboard API (apps/analytics): the metric catalogue with its definitions, one
 * metric's value for a filter (optionally grouped), the patients behind a number, and CSV export.
 */
import { type MetricUnit } from '../format/metric-value';
import { type LocalisedText } from './localised-text';
import { type HttpClient } from './http-client';

export interface MetricDefinition {
  readonly id: string;
  readonly name: LocalisedText;
  readonly definition: LocalisedText;
  readonly unit: MetricUnit;
}

export const GROUP_BY = ['period', 'clinic', 'department', 'doctor', 'drugClass', 'channel', 'ageBand'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

/** What the dashboard filters on; empty strings mean "all". */
export interface MetricFilter {
  readonly org?: string;
  readonly from: string;
  readonly to: string;
  readonly clinic?: string;
  readonly department?: string;
  readonly drugClass?: string;
  readonly channel?: string;
  readonly groupBy?: GroupBy;
}

export interface MetricGroup {
  readonly key: string;
  readonly label?: string;
  readonly value: number | null;
  readonly numerator?: number;
  readonly denominator?: number;
}

export interface ConfidenceInterval {
  readonly low: number;
  readonly high: number;
  readonly level: number;
}

export interface MetricResult {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly value: number | null;
  readonly numerator?: number;
  readonly denominator?: number;
  readonly interval?: ConfidenceInterval;
  readonly groups?: readonly MetricGroup[];
}

export interface DrillDownPatient {
  readonly patientId: string;
  /** Masked by the server unless the caller's role may see names (e.g. 张*). */
  readonly name: string;
  readonly phone?: string;
  readonly clinic?: string;
  readonly department?: string;
  readonly detail?: string;
}

export interface DrillDownPage {
  readonly patients: readonly DrillDownPatient[];
  readonly total: number;
}

/** A dimension value the filters offer (clinics, departments, drug classes, channels of the organisation). */
export interface DimensionValue {
  readonly code: string;
  readonly label: LocalisedText;
}

export interface Dimensions {
  readonly clinics: readonly DimensionValue[];
  readonly departments: readonly DimensionValue[];
  readonly drugClasses: readonly DimensionValue[];
  readonly channels: readonly DimensionValue[];
}

export function filterQuery(filter: MetricFilter): Record<string, string | undefined> {
  return {
    org: filter.org,
    from: filter.from,
    to: filter.to,
    clinic: filter.clinic,
    department: filter.department,
    drugClass: filter.drugClass,
    channel: filter.channel,
    groupBy: filter.groupBy,
  };
}

export class AnalyticsApi {
  constructor(private readonly http: HttpClient) {}

  async listMetrics(): Promise<readonly MetricDefinition[]> {
    const body = await this.http.json<{ metrics: MetricDefinition[] }>('analytics', '/v1/metrics');
    return body.metrics;
  }

  dimensions(org: string | undefined): Promise<Dimensions> {
    return this.http.json<Dimensions>('analytics', '/v1/dimensions', { query: { org } });
  }

  metric(id: string, filter: MetricFilter): Promise<MetricResult> {
    return this.http.json<MetricResult>('analytics', `/v1/metrics/${encodeURIComponent(id)}`, {
      query: filterQuery(filter),
    });
  }

  patients(id: string, filter: MetricFilter): Promise<DrillDownPage> {
    return this.http.json<DrillDownPage>('analytics', `/v1/metrics/${encodeURIComponent(id)}/patients`, {
      query: filterQuery(filter),
    });
  }

  /** The same figure as CSV (UTF-8 with BOM so Excel on Chinese Windows opens it correctly). */
  exportCsv(id: string, filter: MetricFilter): Promise<Blob> {
    return this.http.blob('analytics', `/v1/metrics/${encodeURIComponent(id)}`, {
      query: filterQuery(filter),
      accept: 'text/csv',
    });
  }
}
