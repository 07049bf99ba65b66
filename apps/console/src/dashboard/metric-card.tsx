import { useState } from 'react';
import { headline, intervalOf, type MetricDefinition, type MetricFilter } from '../api/analytics-api';
import { pick } from '../api/localised-text';
import { ErrorNote, Loading } from '../app/status-views';
import { useAsync } from '../app/use-async';
import { useSession } from '../auth/session-context';
import { formatMetricValue } from '../format/metric-value';
import { useLocale } from '../i18n/locale-context';
import { saveBlob } from './download';
import { DrillDownPanel } from './drill-down-panel';
import { MetricChart } from './metric-chart';

/** One figure with its definition beside it, a breakdown chart when grouped, drill-down and CSV export. */
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
  // The headline is always the ungrouped figure; a grouped answer has no total row to show instead.
  const overall = { ...filter, groupBy: undefined };
  const [state, retry] = useAsync(`metric:${metric.id}:${JSON.stringify(overall)}`, () =>
    analytics.metric(metric.id, overall),
  );
  const [breakdown] = useAsync(`breakdown:${metric.id}:${JSON.stringify(filter)}`, () =>
    filter.groupBy ? analytics.metric(metric.id, filter) : Promise.resolve(undefined),
  );

  const exportCsv = async (): Promise<void> => {
    setExportError(undefined);
    try {
      saveBlob(await analytics.exportCsv(metric.id, filter, locale), `${metric.id}_${filter.from}_${filter.to}.csv`);
    } catch (error) {
      setExportError(error);
    }
  };

  const figure = state.status === 'done' ? headline(state.value) : undefined;
  const interval = figure ? intervalOf(figure) : undefined;
  return (
    <section className="card metric" data-metric={metric.id} aria-label={pick(metric.name, locale)}>
      <h3>{pick(metric.name, locale)}</h3>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'failed' ? <ErrorNote error={state.error} onRetry={retry} /> : null}
      {state.status === 'done' ? (
        <p className="metric-value" data-testid="metric-value">
          {formatMetricValue(figure?.value ?? null, metric.unit, locale)}
        </p>
      ) : null}
      {interval ? (
        <p className="muted" data-testid="metric-interval">
          {t('dashboard.interval')} ({Math.round(interval.level * 100)}%):{' '}
          {formatMetricValue(interval.lower, metric.unit, locale)} ~{' '}
          {formatMetricValue(interval.upper, metric.unit, locale)}
        </p>
      ) : null}
      {breakdown.status === 'done' && breakdown.value && breakdown.value.groups.length > 0 ? (
        <MetricChart groups={breakdown.value.groups} unit={metric.unit} overTime={filter.groupBy === 'period'} />
      ) : null}
      {breakdown.status === 'failed' ? <ErrorNote error={breakdown.error} /> : null}
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
      {drilling ? <DrillDownPanel metric={metric} filter={overall} onClose={() => setDrilling(false)} /> : null}
    </section>
  );
}
