// ECharts options for a report bar chart (the same data the server draws as SVG).
import type { ReportChart } from '../api/reportTypes';

export interface BarChartOption {
  animation: boolean;
  title: { text: string; textStyle: { fontSize: number } };
  tooltip: { trigger: 'axis'; valueFormatter: (value: unknown) => string };
  legend: { bottom: number };
  grid: { left: number; right: number; top: number; bottom: number };
  xAxis: { type: 'category'; data: string[] };
  yAxis: { type: 'value'; min: number; max: number; axisLabel: { formatter: string } };
  series: { name: string; type: 'bar'; data: (number | null)[] }[];
}

// Per mille -> percent with one decimal, as the server rounds (values are already rounded).
export function perMilleToPercent(value: number | null): number | null {
  return value === null ? null : value / 10;
}

export function formatPercent(value: unknown): string {
  return typeof value === 'number' ? `${value.toFixed(1)}%` : '—';
}

export function chartOption(chart: ReportChart, animate: boolean): BarChartOption {
  return {
    animation: animate,
    title: { text: chart.title, textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis', valueFormatter: formatPercent },
    legend: { bottom: 0 },
    grid: { left: 48, right: 16, top: 40, bottom: 56 },
    xAxis: { type: 'category', data: chart.categories },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: chart.series.map((series) => ({
      name: series.name,
      type: 'bar',
      data: series.values.map(perMilleToPercent),
    })),
  };
}
