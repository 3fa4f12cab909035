import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ReportChart } from '../api/reportTypes';
import { chartOption } from './chartOption';

echarts.use([BarChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, SVGRenderer]);

// One report chart drawn by ECharts (SVG renderer; no animation when printing).
export function ReportChartView({ chart }: { chart: ReportChart }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return undefined;
    const printing = window.matchMedia?.('print').matches ?? false;
    const instance = echarts.init(element.current, undefined, { renderer: 'svg' });
    instance.setOption({ ...chartOption(chart, !printing) });
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
    };
  }, [chart]);
  return (
    <div
      ref={element}
      className="report-chart"
      style={{ width: '100%', height: 320 }}
      role="img"
      aria-label={chart.title}
      data-chart={chart.id}
    />
  );
}
