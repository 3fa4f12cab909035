import { Card, Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StatementMetrics } from '../../api/prTypes';

// Staff: who has posted so far (per participation mode, with the denominator) and how long
// each organisation took from the triggering inject to its first statement.
export function StatementMetricsPanel({ metrics }: { metrics: StatementMetrics }) {
  const { t } = useTranslation();
  const minutes = (value: number | null) => (value === null ? '—' : t('pr.metrics.minutes', { value: value.toFixed(1) }));
  return (
    <Card size="small" className="block-gap-top" title={<h2 className="pr-card-heading">{t('pr.metrics.title')}</h2>}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('pr.metrics.posted')}>
          {t('pr.metrics.ratio', { posted: metrics.organisations_posted, total: metrics.organisations_total })}
        </Descriptions.Item>
        {metrics.by_mode.map((mode) => (
          <Descriptions.Item key={mode.mode} label={t(`mode.${mode.mode}`)}>
            {t('pr.metrics.ratio', { posted: mode.posted, total: mode.total })}
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('pr.metrics.trigger')}>
          {metrics.trigger ? metrics.trigger.inject_id : t('pr.metrics.noTrigger')}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary">{t('pr.metrics.triggerHelp')}</Typography.Paragraph>
      <Table
        size="small"
        rowKey="organisation_id"
        pagination={{ pageSize: 10 }}
        dataSource={metrics.organisations.filter((organisation) => organisation.statements > 0)}
        locale={{ emptyText: <span className="empty-text">{t('pr.metrics.none')}</span> }}
        columns={[
          { title: t('pr.metrics.organisation'), dataIndex: 'name' },
          { title: t('pr.metrics.statements'), dataIndex: 'statements', align: 'right' },
          {
            title: t('pr.metrics.fromTrigger'),
            key: 'from',
            align: 'right',
            render: (_, row) => minutes(row.scenario_minutes_from_trigger ?? row.wall_minutes_from_trigger),
          },
        ]}
      />
    </Card>
  );
}
