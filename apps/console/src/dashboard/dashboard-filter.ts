import { type GroupBy, type MetricFilter } from '../api/analytics-api';
import { presetRange, type PeriodPreset } from '../format/shanghai-time';

/** The filter bar's state; `preset` undefined means a custom date range. */
export interface FilterState {
  readonly preset: PeriodPreset | undefined;
  readonly from: string;
  readonly to: string;
  readonly site: string;
  readonly department: string;
  readonly drugClass: string;
  readonly channel: string;
  readonly groupBy: GroupBy | '';
}

export function initialFilter(today: string): FilterState {
  return {
    preset: 'last30',
    ...presetRange('last30', today),
    site: '',
    department: '',
    drugClass: '',
    channel: '',
    groupBy: '',
  };
}

export function choosePreset(state: FilterState, preset: PeriodPreset | undefined, today: string): FilterState {
  return preset ? { ...state, preset, ...presetRange(preset, today) } : { ...state, preset: undefined };
}

/** What the analytics API receives; an inverted custom range is swapped rather than sent as an error. */
export function toMetricFilter(state: FilterState, org: string): MetricFilter {
  const [from, to] = state.from <= state.to ? [state.from, state.to] : [state.to, state.from];
  const code = (value: string): string | undefined => value.trim() || undefined;
  return {
    org,
    from,
    to,
    site: code(state.site),
    department: code(state.department),
    drugClass: code(state.drugClass),
    channel: code(state.channel),
    groupBy: state.groupBy || undefined,
  };
}
