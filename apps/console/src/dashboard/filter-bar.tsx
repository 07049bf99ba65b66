import { useState } from 'react';
import { GROUP_BY } from '../api/analytics-api';
import { OUTREACH_CHANNELS } from '../api/outreach-vocabulary';
import { PERIOD_PRESETS, type PeriodPreset } from '../format/shanghai-time';
import { useLocale } from '../i18n/locale-context';
import { choosePreset, type FilterState } from './dashboard-filter';

/** A code filter (site, department, drug class) applied on Enter or when the field is left, not per keystroke. */
function CodeInput({
  name,
  label,
  value,
  onCommit,
}: {
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly onCommit: (value: string) => void;
}) {
  const { t } = useLocale();
  const [draft, setDraft] = useState(value);
  const commit = (): void => {
    if (draft.trim() !== value) onCommit(draft.trim());
  };
  return (
    <label>
      {label}
      <input
        name={name}
        value={draft}
        placeholder={t('common.all')}
        maxLength={64}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </label>
  );
}

/** Period, site, department, drug class, channel and grouping; every committed change applies at once. */
export function FilterBar({
  state,
  today,
  onChange,
}: {
  readonly state: FilterState;
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
      <CodeInput name="site" label={t('filter.clinic')} value={state.site} onCommit={(site) => set({ site })} />
      <CodeInput
        name="department"
        label={t('filter.department')}
        value={state.department}
        onCommit={(department) => set({ department })}
      />
      <CodeInput
        name="drugClass"
        label={t('filter.drugClass')}
        value={state.drugClass}
        onCommit={(drugClass) => set({ drugClass })}
      />
      <label>
        {t('filter.channel')}
        <select name="channel" value={state.channel} onChange={(e) => set({ channel: e.target.value })}>
          <option value="">{t('common.all')}</option>
          {OUTREACH_CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {t(`channel.${channel}`)}
            </option>
          ))}
        </select>
      </label>
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
