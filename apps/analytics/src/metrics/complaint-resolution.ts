import { instantMillis } from './calendar-day';
import { MetricError, MetricErrorCode } from './metrics.errors';
import { type MetricDefinition } from './metric-definition';

const HOUR_MS = 3_600_000;

export interface ComplaintRecord {
  readonly openedAt: string;
  readonly resolvedAt?: string;
}

export interface ComplaintResolutionResult {
  /** Median hours from opening to resolution over resolved complaints; null when none is resolved. */
  readonly medianHoursToResolution: number | null;
  readonly resolved: number;
  /** Resolved later than the SLA, or still open past it at `asOf`. */
  readonly slaBreaches: number;
  readonly open: number;
}

function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Complaint resolution: median rather than mean because a few complaints escalated to another department
 * take weeks and would hide how fast the usual one is closed.
 */
export function complaintResolution(
  complaints: readonly ComplaintRecord[],
  slaHours: number,
  asOf: string,
): ComplaintResolutionResult {
  if (!(slaHours > 0) || !Number.isFinite(slaHours)) {
    throw new MetricError(MetricErrorCode.InvalidDuration, 'slaHours must be a positive number');
  }
  const now = instantMillis(asOf, 'asOf');
  const durations: number[] = [];
  let slaBreaches = 0;
  let open = 0;
  complaints.forEach((complaint, index) => {
    const opened = instantMillis(complaint.openedAt, `complaints[${index}].openedAt`);
    if (complaint.resolvedAt === undefined) {
      open += 1;
      if ((now - opened) / HOUR_MS > slaHours) slaBreaches += 1;
      return;
    }
    const hours = (instantMillis(complaint.resolvedAt, `complaints[${index}].resolvedAt`) - opened) / HOUR_MS;
    if (hours < 0)
      throw new MetricError(MetricErrorCode.InvalidPeriod, `complaints[${index}] is resolved before it was opened`);
    durations.push(hours);
    if (hours > slaHours) slaBreaches += 1;
  });
  durations.sort((a, b) => a - b);
  return { medianHoursToResolution: median(durations), resolved: durations.length, slaBreaches, open };
}

export const COMPLAINT_MEDIAN_RESOLUTION: MetricDefinition = {
  id: 'complaint-median-resolution',
  name: { 'zh-CN': '投诉处理时长中位数', en: 'Complaint median time to resolution' },
  definition: {
    'zh-CN': '已结案投诉从受理到结案的小时数的中位数；未结案的不计入。',
    en: 'Median hours from opening to resolution over resolved complaints; open complaints are left out.',
  },
  unit: 'hours',
};

export const COMPLAINT_SLA_BREACHES: MetricDefinition = {
  id: 'complaint-sla-breaches',
  name: { 'zh-CN': '投诉超时数', en: 'Complaint SLA breaches' },
  definition: {
    'zh-CN': '处理时长超过时限的已结案投诉，加上截至统计时已超过时限仍未结案的投诉。',
    en: 'Resolved complaints that took longer than the SLA, plus open complaints already older than the SLA.',
  },
  unit: 'count',
};
