import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Phase } from '../api/types';
import { phaseDate } from './labels';

// The exercise schedule in date order.
export function PhaseTable({ phases }: { phases: Phase[] }) {
  const { t } = useTranslation();
  const sorted = [...phases].sort((a, b) => a.starts_at.localeCompare(b.starts_at));
  return (
    <Table<Phase>
      size="small"
      pagination={false}
      rowKey={(phase) => String(phase.id ?? `${phase.kind}-${phase.starts_at}`)}
      dataSource={sorted}
      locale={{ emptyText: t('phase.empty') }}
      columns={[
        { title: t('phase.kind'), dataIndex: 'kind', render: (kind: string) => t(`phaseKind.${kind}`) },
        { title: t('phase.startsAt'), dataIndex: 'starts_at', render: phaseDate },
        { title: t('phase.endsAt'), dataIndex: 'ends_at', render: phaseDate },
        { title: t('phase.note'), dataIndex: 'note' },
      ]}
    />
  );
}
