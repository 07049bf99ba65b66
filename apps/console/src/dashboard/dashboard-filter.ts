import { type GroupBy, type MetricFilter } from '../api/analytics-api';
import { presetRange, type PeriodPreset } from '../format/shanghai-time';

/** The filter bar's state; `preset` undefined means a custom date range. */
export interface FilterState {
  readonly preset: PeriodPreset | undefined;
  readonly from: string;
  readonly to: string;
  readonly clinic: string;
  readonly department: string;
  readonly drugClass: string;
  readonly channel: string;
  readonly groupBy: GroupBy | '';
}

export function initialFilter(today: string): FilterState {
  return {
    preset: 'last30',
    ...presetRange('last30', today),
    clinic: '',
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
export function toMetricFilter(state: FilterState, org: string | undefined): MetricFilter {
  const [from, to] = state.from <= state.to ? [state.from, state.to] : [state.to, state.from];
  return {
    org,
    from,
    to,
    clinic: state.clinic || undefined,
    department: state.department || undefined,
    drugClass: state.drugClass || undefined,
    channel: state.channel || undefined,
    groupBy: state.groupBy || undefined,
  };
}
