/** Closed set of reasons a metric cannot be computed from its input. */
export enum MetricErrorCode {
  NegativeCount = 'metrics.negative-count',
  CountExceedsTotal = 'metrics.count-exceeds-total',
  InvalidDate = 'metrics.invalid-date',
  InvalidInstant = 'metrics.invalid-instant',
  InvalidPeriod = 'metrics.invalid-period',
  InvalidScore = 'metrics.invalid-score',
  InvalidAmount = 'metrics.invalid-amount',
  InvalidDuration = 'metrics.invalid-duration',
  InvalidConfidenceLevel = 'metrics.invalid-confidence-level',
}

/**
 * Raised on malformed metric input. Messages name only the offending field, never a patient value,
 * because inputs are built from patient events.
 */
export class MetricError extends Error {
  constructor(
    readonly code: MetricErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MetricError';
  }
}
