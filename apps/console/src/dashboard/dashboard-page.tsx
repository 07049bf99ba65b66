import { useMemo, useState } from 'react';
import { hasAnyRole } from '../api/auth-api';
import { ErrorNote, Loading } from '../app/status-views';
import { useAsync } from '../app/use-async';
import { useSession } from '../auth/session-context';
import { shanghaiDate } from '../format/shanghai-time';
import { useLocale } from '../i18n/locale-context';
import { initialFilter, toMetricFilter } from './dashboard-filter';
import { FilterBar } from './filter-bar';
import { MetricCard } from './metric-card';

/** 经营看板: every metric of the analytics catalogue for the chosen filters, each with its definition. */
export function DashboardPage() {
  const { t } = useLocale();
  const { session, analytics } = useSession();
  const today = useMemo(() => shanghaiDate(new Date()), []);
  const [state, setState] = useState(() => initialFilter(today));
  const org = session?.orgIds[0];
  const filter = useMemo(() => (org ? toMetricFilter(state, org) : undefined), [state, org]);
  const [catalogue, retry] = useAsync('metrics', () => analytics.listMetrics());
  // Naming patients is for the staff who act on them; the service masks ids for other roles anyway.
  const canDrillDown = hasAnyRole(session, ['supervisor', 'admin']);

  return (
    <>
      <h2>{t('dashboard.title')}</h2>
      <FilterBar state={state} today={today} onChange={setState} />
      {!filter ? <p className="error">{t('dashboard.noOrg')}</p> : null}
      {catalogue.status === 'loading' ? <Loading /> : null}
      {catalogue.status === 'failed' ? <ErrorNote error={catalogue.error} onRetry={retry} /> : null}
      {catalogue.status === 'done' && filter ? (
        <div className="metric-grid">
          {catalogue.value.map((metric) => (
            <MetricCard key={metric.id} metric={metric} filter={filter} canDrillDown={canDrillDown} />
          ))}
        </div>
      ) : null}
    </>
  );
}
