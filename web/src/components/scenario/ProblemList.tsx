import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';

export interface ScenarioProblem {
  line: number | null;
  sheet: string;
  cell: string;
  field: string;
  message: string;
}

// The problems of a 422 answer to a scenario or overlay write ({"errors":[…]} beside
// the error), or [] when there are none.
export function problemsOf(error: unknown): ScenarioProblem[] {
  if (!isApiError(error) || !error.body || typeof error.body !== 'object') return [];
  const body = error.body as { errors?: unknown; problems?: unknown };
  const list = body.errors ?? body.problems;
  if (!Array.isArray(list)) return [];
  return list
    .filter((p): p is Record<string, unknown> => !!p && typeof p === 'object')
    .map((p) => ({
      line: typeof p.line === 'number' ? p.line : null,
      sheet: typeof p.sheet === 'string' ? p.sheet : '',
      cell: typeof p.cell === 'string' ? p.cell : '',
      field: typeof p.field === 'string' ? p.field : '',
      message: typeof p.message === 'string' ? p.message : '',
    }));
}

// Every problem the server found, with where it is (line, or sheet and cell) and the field.
export function ProblemList({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const problems = problemsOf(error);
  if (problems.length <= 1) return null;
  return (
    <Table<ScenarioProblem>
      className="block-gap-top"
      aria-label={t('scenario.problems.label')}
      data-testid="scenario-problems"
      size="small"
      rowKey="key"
      dataSource={problems.map((p, index) => ({ ...p, key: String(index) }))}
      pagination={problems.length > 20 ? { pageSize: 20 } : false}
      columns={[
        {
          title: t('scenario.problems.where'),
          key: 'where',
          width: 160,
          render: (_, p) =>
            p.line !== null
              ? t('scenario.problems.line', { line: p.line })
              : p.sheet
                ? t('scenario.problems.cell', { sheet: p.sheet, cell: p.cell })
                : '',
        },
        { title: t('scenario.problems.field'), dataIndex: 'field', width: 200, render: (field: string) => <code>{field}</code> },
        { title: t('scenario.problems.message'), dataIndex: 'message' },
      ]}
    />
  );
}
