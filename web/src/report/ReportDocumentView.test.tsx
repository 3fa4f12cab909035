import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ReportDocument } from '../api/reportTypes';

vi.mock('./ReportChartView', () => ({
  ReportChartView: ({ chart }: { chart: { title: string } }) => <div data-testid="chart">{chart.title}</div>,
}));

import { ReportDocumentView } from './ReportDocumentView';

const document: ReportDocument = {
  language: 'ja',
  title: '【演習結果】2023年度 実施結果',
  subtitle: '全体',
  generated_at: '2024-03-01T00:00:00Z',
  sections: [
    {
      id: 'objectives',
      title: '2-2. 検証課題',
      blocks: [
        { kind: 'paragraph', text: '回答組織数 = 468' },
        { kind: 'chart', chart: { id: 'c', title: 'できた割合', categories: ['①'], series: [] } },
        {
          kind: 'table',
          table: {
            id: 'representative_issues',
            title: '洗い出された課題',
            header: ['#', '課題'],
            rows: [[{ kind: 'text', text: '①' }, { kind: 'text', text: '<script>alert(1)</script>' }]],
            notes: ['注記'],
          },
        },
      ],
    },
  ],
};

describe('ReportDocumentView', () => {
  it('shows sections, tables, charts and notes, user text as text', () => {
    const { container } = render(<ReportDocumentView document={document} />);
    expect(screen.getByText('【演習結果】2023年度 実施結果')).toBeInTheDocument();
    expect(screen.getByText('回答組織数 = 468')).toBeInTheDocument();
    expect(screen.getByTestId('chart')).toHaveTextContent('できた割合');
    expect(screen.getByText('<script>alert(1)</script>')).toBeInTheDocument();
    expect(container.querySelector('script')).toBeNull();
    expect(screen.getByText(/注記/)).toBeInTheDocument();
  });
});
