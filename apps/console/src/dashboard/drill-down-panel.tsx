import { type MetricDefinition, type MetricFilter } from '../api/analytics-api';
import { pick } from '../api/localised-text';
import { ErrorNote, Loading } from '../app/status-views';
import { useAsync } from '../app/use-async';
import { useSession } from '../auth/session-context';
import { useLocale } from '../i18n/locale-context';

/** The patients behind a number, as the analytics service returns them for the caller's role (masked). */
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
  const [state] = useAsync(`patients:${metric.id}:${JSON.stringify(filter)}`, () =>
    analytics.patients(metric.id, filter),
  );
  return (
    <div className="overlay" role="dialog" aria-label={t('dashboard.patients')}>
      <div className="card panel">
        <header className="panel-head">
          <h3>
            {t('dashboard.patients')}: {pick(metric.name, locale)}
          </h3>
          <button type="button" className="link" onClick={onClose}>
            {t('common.close')}
          </button>
        </header>
        {state.status === 'loading' ? <Loading /> : null}
        {state.status === 'failed' ? <ErrorNote error={state.error} /> : null}
        {state.status === 'done' ? (
          <>
            <p className="muted">{t('dashboard.patientCount', { count: state.value.total })}</p>
            <table data-testid="drill-down">
              <thead>
                <tr>
                  <th>{t('common.patientId')}</th>
                  <th>{t('common.name')}</th>
                  <th>{t('workbench.phone')}</th>
                  <th>{t('filter.clinic')}</th>
                  <th>{t('filter.department')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {state.value.patients.map((p) => (
                  <tr key={p.patientId}>
                    <td>{p.patientId}</td>
                    <td>{p.name}</td>
                    <td>{p.phone ?? ''}</td>
                    <td>{p.clinic ?? ''}</td>
                    <td>{p.department ?? ''}</td>
                    <td>{p.detail ?? ''}</td>
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
