import { useState } from 'react';
import { type MetricDefinition, type MetricFilter } from '../api/analytics-api';
import { pick } from '../api/localised-text';
import { ErrorNote, Loading } from '../app/status-views';
import { useAsync } from '../app/use-async';
import { useSession } from '../auth/session-context';
import { useLocale } from '../i18n/locale-context';
import { saveBlob } from './download';

/** The patients behind a number, as the analytics service returns them for the caller's role. */
export function DrillDownPanel({
  metric,
  filter,
  onClose,
}: {
  readonly metric: MetricDefinition;
  readonly filter: MetricFilter;
  readonly onClose: () => void;
}) {
  const { t, locale } = useLocale();
  const { analytics } = useSession();
  const [exportError, setExportError] = useState<unknown>();
  const [state] = useAsync(`patients:${metric.id}:${JSON.stringify(filter)}`, () =>
    analytics.patients(metric.id, filter),
  );
  const exportCsv = async (): Promise<void> => {
    try {
      const blob = await analytics.exportCsv(metric.id, filter, locale, true);
      saveBlob(blob, `${metric.id}_patients_${filter.from}_${filter.to}.csv`);
    } catch (error) {
      setExportError(error);
    }
  };
  return (
    <div className="overlay" role="dialog" aria-label={t('dashboard.patients')}>
      <div className="card panel">
        <header className="panel-head">
          <h3>
            {t('dashboard.patients')}: {pick(metric.name, locale)}
          </h3>
          <span>
            <button type="button" className="link" onClick={() => void exportCsv()}>
              {t('dashboard.exportPatients')}
            </button>
            <button type="button" className="link" onClick={onClose}>
              {t('common.close')}
            </button>
          </span>
        </header>
        {exportError ? <ErrorNote error={exportError} /> : null}
        {state.status === 'loading' ? <Loading /> : null}
        {state.status === 'failed' ? <ErrorNote error={state.error} /> : null}
        {state.status === 'done' ? (
          <>
            <p className="muted">
              {t('dashboard.patientCount', { count: state.value.patients.length })}
              {state.value.masked ? ` · ${t('dashboard.masked')}` : ''}
            </p>
            <table data-testid="drill-down">
              <thead>
                <tr>
                  <th>{t('common.patientId')}</th>
                  <th>{t('dashboard.facts')}</th>
                  <th>{t('dashboard.firstDate')}</th>
                  <th>{t('dashboard.lastDate')}</th>
                  <th>{t('dashboard.arm')}</th>
                </tr>
              </thead>
              <tbody>
                {state.value.patients.map((p, index) => (
                  <tr key={`${p.patientId}-${index}`}>
                    <td>{p.patientId}</td>
                    <td>{p.facts ?? ''}</td>
                    <td>{p.firstDate ?? ''}</td>
                    <td>{p.lastDate ?? ''}</td>
                    <td>{p.arm ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
      </div>
    </div>
  );
}
