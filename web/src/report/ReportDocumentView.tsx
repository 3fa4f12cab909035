import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReportCell, ReportDocument, ReportTable } from '../api/reportTypes';
import { ReportChartView } from './ReportChartView';

type Row = { key: number; cells: ReportCell[] };

// One report table: every cell as React text (never HTML), numbers right-aligned.
function ReportTableView({ table }: { table: ReportTable }) {
  const columns: ColumnsType<Row> = table.header.map((heading, index) => ({
    title: heading,
    key: String(index),
    align: table.rows.some((row) => row[index] && row[index].kind !== 'text') ? 'right' : 'left',
    render: (_: unknown, row: Row) => {
      const cell = row.cells[index];
      if (!cell) return null;
      return cell.emphasis ? <strong>{cell.text}</strong> : cell.text;
    },
  }));
  const rows: Row[] = table.rows.map((cells, index) => ({ key: index, cells }));
  return (
    <section className="report-table" data-table={table.id}>
      <Typography.Title level={4}>{table.title}</Typography.Title>
      <Table<Row> size="small" bordered columns={columns} dataSource={rows} pagination={false} scroll={{ x: true }} />
      {table.notes.map((note, index) => (
        <Typography.Paragraph key={index} type="secondary" className="report-note">
          ※ {note}
        </Typography.Paragraph>
      ))}
    </section>
  );
}

// The whole report document as the web view: sections with paragraphs, lists, tables, charts.
export function ReportDocumentView({ document }: { document: ReportDocument }) {
  return (
    <article className="report-document" lang={document.language}>
      <Typography.Title level={2}>{document.title}</Typography.Title>
      <Typography.Paragraph>{document.subtitle}</Typography.Paragraph>
      {document.sections.map((section) => (
        <section key={section.id} id={`report-${section.id}`}>
          <Typography.Title level={3}>{section.title}</Typography.Title>
          {section.blocks.map((block, index) => {
            switch (block.kind) {
              case 'paragraph':
                return <Typography.Paragraph key={index}>{block.text}</Typography.Paragraph>;
              case 'list':
                return (
                  <ul key={index}>
                    {block.items.map((item, itemIndex) => (
                      <li key={itemIndex}>{item}</li>
                    ))}
                  </ul>
                );
              case 'table':
                return <ReportTableView key={index} table={block.table} />;
              case 'chart':
                return <ReportChartView key={index} chart={block.chart} />;
              default:
                return null;
            }
          })}
        </section>
      ))}
    </article>
  );
}
