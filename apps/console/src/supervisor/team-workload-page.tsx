import { useMemo, useState } from 'react';
import { ErrorNote, Loading } from '../app/status-views';
import { useAsync } from '../app/use-async';
import { useSession } from '../auth/session-context';
import { formatDuration } from '../format/metric-value';
import { presetRange, shanghaiDate, PERIOD_PRESETS, type PeriodPreset } from '../format/shanghai-time';
import { useLocale } from '../i18n/locale-context';

/** Per-agent calls, talk time, completions and audit score for a period (supervisors balance work with it). */
export function TeamWorkloadPage() {
  const { t } = useLocale();
  const { outreach } = useSession();
  const today = useMemo(() => shanghaiDate(new Date()), []);
  const [preset, setPreset] = useState<PeriodPreset>('last7');
  const range = presetRange(preset, today);
  const [state, retry] = useAsync(`workload:${range.from}:${range.to}`, () =>
    outreach.teamWorkload(range.from, range.to),
  );
  return (
    <>
      <h2>{t('workload.title')}</h2>
      <form className="filters card" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('filter.period')}
          <select name="period" value={preset} onChange={(e) => setPreset(e.target.value as PeriodPreset)}>
            {PERIOD_PRESETS.map((p) => (
              <option key={p} value={p}>
                {t(`period.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">
          {range.from} ~ {range.to}
        </span>
      </form>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'failed' ? <ErrorNote error={state.error} onRetry={retry} /> : null}
      {state.status === 'done' ? (
        <table className="card" data-testid="workload">
          <thead>
            <tr>
              <th>{t('workload.agent')}</th>
              <th>{t('workload.calls')}</th>
              <th>{t('workload.talkTime')}</th>
              <th>{t('workload.completions')}</th>
              <th>{t('workload.auditScore')}</th>
            </tr>
          </thead>
          <tbody>
            {state.value.map((agent) => (
              <tr key={agent.agentId}>
                <td>{agent.agentName}</td>
                <td>{agent.calls}</td>
                <td>{formatDuration(agent.talkSeconds)}</td>
                <td>{agent.completions}</td>
                <td>{agent.auditScore === null ? '—' : agent.auditScore.toFixed(1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
