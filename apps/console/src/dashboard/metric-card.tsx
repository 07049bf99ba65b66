import { useState } from 'react';
import { type MetricDefinition, type MetricFilter } from '../api/analytics-api';
import { pick } from '../api/localised-text';
import { useAsync } from '../app/use-async';
import { ErrorNote, Loading } from '../app/status-views';
import { useSession } from '../auth/session-context';
import { formatMetricValue } from '../format/metric-value';
import { useLocale } from '../i18n/locale-context';
import { saveBlob } from './download';
import { DrillDownPanel } from './drill-down-panel';
import { MetricChart } from './metric-chart';

/** One figure with its definition beside it, an optional breakdown chart, drill-down and CSV export. */
export function MetricCard({
  metric,
  filter,
  canDrillDown,
}: {
  readonly metric: MetricDefinition;
  readonly filter: MetricFilter;
  readonly canDrillDown: boolean;
}) {
  const { t, locale } = useLocale();
  const { analytics } = useSession();
  const [drilling, setDrilling] = useState(false);
  const [exportError, setExportError] = useState<unknown>();
  const [state, retry] = useAsync(`metric:${metric.id}:${JSON.stringify(filter)}`, () =>
    analytics.metric(metric.id, filter),
  );

  const exportCsv = async (): Promise<void> => {
    setExportError(undefined);
    try {
      saveBlob(await analytics.exportCsv(metric.id, filter), `${metric.id}_${filter.from}_${filter.to}.csv`);
    } catch (error) {
      setExportError(error);
    }
  };

  return (
    <section className="card metric" data-metric={metric.id} aria-label={pick(metric.name, locale)}>
      <h3>{pick(metric.name, locale)}</h3>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'failed' ? <ErrorNote error={state.error} onRetry={retry} /> : null}
      {state.status === 'done' ? (
        <>
          <p className="metric-value" data-testid="metric-value">
            {formatMetricValue(state.value.value, metric.unit, locale)}
          </p>
          {state.value.interval ? (
            <p className="muted" data-testid="metric-interval">
              {t('dashboard.interval')} ({Math.round(state.value.interval.level * 100)}%):{' '}
              {formatMetricValue(state.value.interval.low, metric.unit, locale)} ~{' '}
              {formatMetricValue(state.value.interval.high, metric.unit, locale)}
            </p>
          ) : null}
          {state.value.groups && state.value.groups.length > 0 ? (
            <MetricChart groups={state.value.groups} unit={metric.unit} overTime={filter.groupBy === 'period'} />
          ) : null}
        </>
      ) : null}
      <details className="definition" open>
        <summary>{t('dashboard.definition')}</summary>
        <p>{pick(metric.definition, locale)}</p>
      </details>
      <div className="actions">
        {canDrillDown ? (
          <button type="button" className="link" onClick={() => setDrilling(true)}>
            {t('dashboard.drillDown')}
          </button>
        ) : null}
        <button type="button" className="link" onClick={() => void exportCsv()}>
          {t('dashboard.exportCsv')}
        </button>
      </div>
      {exportError ? <ErrorNote error={exportError} /> : null}
      {drilling ? <DrillDownPanel metric={metric} filter={filter} onClose={() => setDrilling(false)} /> : null}
    </section>
  );
}
