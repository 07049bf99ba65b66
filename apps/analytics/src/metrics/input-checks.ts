import { MetricError, MetricErrorCode } from './metrics.errors';

export function assertCount(value: number, field: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new MetricError(MetricErrorCode.NegativeCount, `${field} must be a non-negative integer`);
  }
}

export function assertPart(part: number, total: number, partField: string, totalField: string): void {
  assertCount(part, partField);
  assertCount(total, totalField);
  if (part > total) {
    throw new MetricError(MetricErrorCode.CountExceedsTotal, `${partField} exceeds ${totalField}`);
  }
}

/** A share, or null when the denominator is empty: the dashboard shows "no data" rather than 0 %. */
export function shareOf(part: number, total: number): number | null {
  return total === 0 ? null : part / total;
}
