import { DomainError, type ProblemCatalogue } from '@revisit/platform';

export enum MetricQueryErrorCode {
  UnknownMetric = 'analytics.unknown-metric',
  InvalidPeriod = 'analytics.invalid-period',
  DimensionNotSupported = 'analytics.dimension-not-supported',
  InvalidInput = 'analytics.invalid-metric-input',
  ReportNotFound = 'analytics.report-not-found',
}

const PROBLEMS: ProblemCatalogue<MetricQueryErrorCode> = {
  [MetricQueryErrorCode.UnknownMetric]: { status: 404, title: 'Unknown metric' },
  [MetricQueryErrorCode.InvalidPeriod]: { status: 400, title: 'Invalid period' },
  [MetricQueryErrorCode.DimensionNotSupported]: { status: 400, title: 'Dimension not available for this metric' },
  [MetricQueryErrorCode.InvalidInput]: { status: 422, title: 'The stored facts cannot be turned into this metric' },
  [MetricQueryErrorCode.ReportNotFound]: { status: 404, title: 'Report not found' },
};

/** A metric request the read models cannot answer; messages name parameters, never patient data. */
export class MetricQueryError extends DomainError<MetricQueryErrorCode> {
  constructor(code: MetricQueryErrorCode, message: string) {
    super(code, message, PROBLEMS);
  }
}
