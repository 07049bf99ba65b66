import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { init, use as registerChartParts, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { type MetricGroup } from '../api/analytics-api';
import { type MetricUnit } from '../format/metric-value';

// Only the pieces the dashboard draws, so the bundle stays a fraction of full ECharts. SVG keeps the text of
// axis labels crisp in screenshots and printouts.
registerChartParts([BarChart, LineChart, GridComponent, TooltipComponent, SVGRenderer]);

function plotted(value: number | null, unit: MetricUnit): number | null {
  if (value === null) return null;
  if (unit === 'ratio') return Math.round(value * 1000) / 10;
  if (unit === 'money-minor-units') return value / 100;
  return value;
}

/** One metric split by a dimension: a line over periods, bars otherwise. */
export function MetricChart({
  groups,
  unit,
  overTime,
}: {
  readonly groups: readonly MetricGroup[];
  readonly unit: MetricUnit;
  readonly overTime: boolean;
}) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | undefined>(undefined);

  useEffect(() => {
    if (!element.current) return undefined;
    const instance = init(element.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    const onResize = (): void => instance.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      instance.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      {
        animation: false,
        grid: { left: 48, right: 12, top: 12, bottom: 28 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: groups.map((g) => g.key ?? '—') },
        yAxis: { type: 'value', axisLabel: { formatter: unit === 'ratio' ? '{value}%' : '{value}' } },
        series: [
          {
            type: overTime ? 'line' : 'bar',
            data: groups.map((g) => plotted(g.value, unit)),
            itemStyle: { color: '#1f6feb' },
          },
        ],
      },
      true,
    );
  }, [groups, unit, overTime]);

  return <div className="chart" ref={element} />;
}
