import { GROUP_BY, type DimensionValue, type Dimensions } from '../api/analytics-api';
import { pick } from '../api/localised-text';
import { PERIOD_PRESETS, type PeriodPreset } from '../format/shanghai-time';
import { useLocale } from '../i18n/locale-context';
import { choosePreset, type FilterState } from './dashboard-filter';

function DimensionSelect({
  name,
  label,
  values,
  value,
  onChange,
}: {
  readonly name: string;
  readonly label: string;
  readonly values: readonly DimensionValue[];
  readonly value: string;
  readonly onChange: (value: string) => void;
}) {
  const { t, locale } = useLocale();
  return (
    <label>
      {label}
      <select name={name} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('common.all')}</option>
        {values.map((v) => (
          <option key={v.code} value={v.code}>
            {pick(v.label, locale)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Period, clinic, department, drug class, channel and grouping; every change applies at once. */
export function FilterBar({
  state,
  dimensions,
  today,
  onChange,
}: {
  readonly state: FilterState;
  readonly dimensions: Dimensions | undefined;
  readonly today: string;
  readonly onChange: (next: FilterState) => void;
}) {
  const { t } = useLocale();
  const set = (patch: Partial<FilterState>): void => onChange({ ...state, ...patch });
  return (
    <form className="filters card" aria-label={t('filter.period')} onSubmit={(e) => e.preventDefault()}>
      <label>
        {t('filter.period')}
        <select
          name="period"
          value={state.preset ?? 'custom'}
          onChange={(e) =>
            onChange(
              choosePreset(state, e.target.value === 'custom' ? undefined : (e.target.value as PeriodPreset), today),
            )
          }
        >
          {PERIOD_PRESETS.map((preset) => (
            <option key={preset} value={preset}>
              {t(`period.${preset}`)}
            </option>
          ))}
          <option value="custom">{t('period.custom')}</option>
        </select>
      </label>
      <label>
        {t('filter.from')}
        <input
          type="date"
          name="from"
          value={state.from}
          onChange={(e) => e.target.value && set({ preset: undefined, from: e.target.value })}
        />
      </label>
      <label>
        {t('filter.to')}
        <input
          type="date"
          name="to"
          value={state.to}
          onChange={(e) => e.target.value && set({ preset: undefined, to: e.target.value })}
        />
      </label>
      <DimensionSelect
        name="clinic"
        label={t('filter.clinic')}
        values={dimensions?.clinics ?? []}
        value={state.clinic}
        onChange={(clinic) => set({ clinic })}
      />
      <DimensionSelect
        name="department"
        label={t('filter.department')}
        values={dimensions?.departments ?? []}
        value={state.department}
        onChange={(department) => set({ department })}
      />
      <DimensionSelect
        name="drugClass"
        label={t('filter.drugClass')}
        values={dimensions?.drugClasses ?? []}
        value={state.drugClass}
        onChange={(drugClass) => set({ drugClass })}
      />
      <DimensionSelect
        name="channel"
        label={t('filter.channel')}
        values={dimensions?.channels ?? []}
        value={state.channel}
        onChange={(channel) => set({ channel })}
      />
      <label>
        {t('filter.groupBy')}
        <select
          name="groupBy"
          value={state.groupBy}
          onChange={(e) => set({ groupBy: e.target.value as FilterState['groupBy'] })}
        >
          <option value="">{t('groupBy.none')}</option>
          {GROUP_BY.map((g) => (
            <option key={g} value={g}>
              {t(`groupBy.${g}`)}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
