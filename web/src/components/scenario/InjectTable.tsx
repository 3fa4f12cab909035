import { Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Reference } from '../../api/types';
import type { Audience, Scenario } from '../../api/scenarioTypes';
import { currentLanguage, type Language } from '../../i18n';
import { localText } from '../../live/localText';
import { objectiveLabel, sectorLabel } from '../labels';
import { timelineOrder } from './scenarioEdit';

interface Props {
  scenario: Scenario;
  reference: Reference | null;
  // Index of the inject a server error points at (highlighted).
  errorIndex: number | null;
  onEdit: (index: number) => void;
  onDelete: (index: number) => void;
}

// "Everyone", or the restrictions of an audience as short text.
export function audienceSummary(
  audience: Audience,
  reference: Reference | null,
  language: Language,
  t: (key: string) => string,
): string {
  if (audience.everyone) return t('scenario.audience.everyone');
  const parts = [
    ...audience.sectors.map((code) => sectorLabel(reference, code, language)),
    ...audience.modes.map((mode) => t(`mode.${mode}`)),
    ...audience.organisations,
    ...audience.team_roles.map((role) => t(`teamRole.${role}`)),
  ];
  return parts.join(', ');
}

// The list view of the master timeline: one row per inject, by scenario time.
export function InjectTable({ scenario, reference, errorIndex, onEdit, onDelete }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const rows = timelineOrder(scenario.injects).map((index) => ({ index, inject: scenario.injects[index]! }));
  const sceneTitle = (id: string) => {
    const scene = scenario.scenes.find((s) => s.id === id);
    return scene ? localText(scene.title, language) : id;
  };
  return (
    <Table
      aria-label={t('scenario.list.label')}
      data-testid="inject-table"
      size="small"
      rowKey={(row) => String(row.index)}
      dataSource={rows}
      pagination={rows.length > 100 ? { pageSize: 100 } : false}
      rowClassName={(row) => (row.index === errorIndex ? 'row-error' : '')}
      locale={{ emptyText: <span className="empty-text">{t('scenario.list.empty')}</span> }}
      columns={[
        { title: t('scenario.inject.at'), key: 'at', width: 100, render: (_, row) => row.inject.at },
        { title: t('scenario.inject.scene'), key: 'scene', width: 180, render: (_, row) => sceneTitle(row.inject.scene_id) },
        { title: t('scenario.inject.id'), key: 'id', width: 120, render: (_, row) => <code>{row.inject.id}</code> },
        {
          title: t('scenario.inject.title'),
          key: 'title',
          render: (_, row) => (
            <Space size={4} wrap>
              <Typography.Text>{localText(row.inject.title, language)}</Typography.Text>
              {row.inject.optional && <Tag>{t('scenario.inject.optionalTag')}</Tag>}
            </Space>
          ),
        },
        {
          title: t('scenario.audience.title'),
          key: 'audience',
          width: 200,
          render: (_, row) => audienceSummary(row.inject.audience, reference, language, t),
        },
        {
          title: t('scenario.inject.objectives'),
          key: 'objectives',
          width: 120,
          render: (_, row) =>
            row.inject.objectives.map((id) => (
              <Tag key={id} title={objectiveLabel(reference, id, language)}>
                {id}
              </Tag>
            )),
        },
        {
          title: t('common.actions'),
          key: 'actions',
          width: 150,
          render: (_, row) => (
            <Space size={4}>
              <Button size="small" onClick={() => onEdit(row.index)} aria-label={t('scenario.inject.editLabel', { id: row.inject.id })}>
                {t('common.edit')}
              </Button>
              <Popconfirm
                title={t('scenario.inject.deleteConfirm', { id: row.inject.id })}
                okText={t('common.delete')}
                cancelText={t('common.cancel')}
                onConfirm={() => onDelete(row.index)}
              >
                <Button size="small" danger aria-label={t('scenario.inject.deleteLabel', { id: row.inject.id })}>
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            </Space>
          ),
        },
      ]}
    />
  );
}
