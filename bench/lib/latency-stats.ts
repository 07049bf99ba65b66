/** Collects latencies (ms) and reports nearest-rank percentiles. */
export class LatencyRecorder {
  private readonly samples: number[] = [];

  record(ms: number): void {
    this.samples.push(ms);
  }

  get count(): number {
    return this.samples.length;
  }

  percentile(p: number): number {
    if (this.samples.length === 0) return NaN;
    const sorted = [...this.samples].sort((a, b) => a - b);
    const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
    return sorted[rank];
  }
}

export interface ThroughputResult {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export function summarise(
  events: number,
  startedAt: number,
  endedAt: number,
  latency: LatencyRecorder,
): ThroughputResult {
  const seconds = (endedAt - startedAt) / 1000;
  return {
    events,
    seconds: Number(seconds.toFixed(2)),
    eventsPerSecond: Math.round(events / seconds),
    p50Ms: Number(latency.percentile(50).toFixed(1)),
    p99Ms: Number(latency.percentile(99).toFixed(1)),
  };
}
