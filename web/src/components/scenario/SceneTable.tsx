import { Button, Popconfirm, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Scenario } from '../../api/scenarioTypes';
import { currentLanguage } from '../../i18n';
import { localText } from '../../live/localText';

interface Props {
  scenario: Scenario;
  errorIndex: number | null;
  onEdit: (index: number) => void;
  onDelete: (index: number) => void;
}

// The scenes of the scenario with their clock settings.
export function SceneTable({ scenario, errorIndex, onEdit, onDelete }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const injectCount = (id: string) => scenario.injects.filter((inject) => inject.scene_id === id).length;
  return (
    <Table
      aria-label={t('scenario.scenes.label')}
      size="small"
      rowKey="key"
      dataSource={scenario.scenes.map((scene, index) => ({ ...scene, key: String(index), index }))}
      pagination={false}
      rowClassName={(row) => (row.index === errorIndex ? 'row-error' : '')}
      locale={{ emptyText: <span className="empty-text">{t('scenario.scenes.empty')}</span> }}
      columns={[
        { title: t('scenario.scene.id'), dataIndex: 'id', width: 140, render: (id: string) => <code>{id}</code> },
        { title: t('scenario.scene.title'), key: 'title', render: (_, scene) => localText(scene.title, language) },
        { title: t('scenario.scene.startsAt'), dataIndex: 'starts_at', width: 110 },
        { title: t('scenario.scene.endsAt'), dataIndex: 'ends_at', width: 110 },
        { title: t('scenario.scene.speed'), dataIndex: 'speed', width: 90 },
        { title: t('scenario.scene.injects'), key: 'count', width: 90, render: (_, scene) => injectCount(scene.id) },
        {
          title: t('common.actions'),
          key: 'actions',
          width: 150,
          render: (_, scene) => (
            <Space size={4}>
              <Button size="small" onClick={() => onEdit(scene.index)} aria-label={t('scenario.scene.editLabel', { id: scene.id })}>
                {t('common.edit')}
              </Button>
              <Popconfirm
                title={t('scenario.scene.deleteConfirm', { id: scene.id, count: injectCount(scene.id) })}
                okText={t('common.delete')}
                cancelText={t('common.cancel')}
                onConfirm={() => onDelete(scene.index)}
              >
                <Button size="small" danger aria-label={t('scenario.scene.deleteLabel', { id: scene.id })}>
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
