import { Button, Popconfirm, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReleaseItem, ReleaseStatus } from '../../api/liveTypes';
import type { Reference } from '../../api/types';
import { currentLanguage } from '../../i18n';
import { localText } from '../../live/localText';
import { timestamp } from '../labels';
import { audienceSummary } from '../scenario/InjectTable';
import { StatusTag, type StatusKind } from './StatusTag';

const STATUS_KINDS: Record<ReleaseStatus, StatusKind> = { pending: 'neutral', released: 'ok', late: 'warn' };

interface Props {
  items: readonly ReleaseItem[];
  reference: Reference | null;
  canRelease: boolean;
  releasing: ReadonlySet<string>;
  onRelease: (injectId: string) => void;
}

// The master timeline with each inject's status (pending, released, late), when it was
// released and how, and "release now" for what is still pending.
export function ReleaseTable({ items, reference, canRelease, releasing, onRelease }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <Table<ReleaseItem>
      aria-label={t('control.releasesLabel')}
      data-testid="release-table"
      size="small"
      rowKey="inject_id"
      dataSource={[...items]}
      pagination={items.length > 100 ? { pageSize: 100 } : false}
      columns={[
        { title: t('scenario.inject.at'), dataIndex: 'scenario_time', width: 100 },
        { title: t('scenario.inject.id'), dataIndex: 'inject_id', width: 110, render: (id: string) => <code>{id}</code> },
        { title: t('scenario.inject.title'), key: 'title', render: (_, item) => localText(item.title, language) },
        {
          title: t('scenario.audience.title'),
          key: 'audience',
          width: 180,
          render: (_, item) => audienceSummary(item.audience, reference, language, t),
        },
        {
          title: t('control.status'),
          key: 'status',
          width: 110,
          render: (_, item) => (
            <StatusTag kind={STATUS_KINDS[item.status]} testId={`status-${item.inject_id}`}>
              {t(`injectStatus.${item.status}`)}
            </StatusTag>
          ),
        },
        {
          title: t('control.releasedAt'),
          key: 'released_at',
          width: 170,
          render: (_, item) =>
            item.released_at ? `${timestamp(item.released_at, language)}${item.kind ? ` · ${t(`releaseKind.${item.kind}`)}` : ''}` : '',
        },
        { title: t('control.organisationCount'), dataIndex: 'organisation_count', width: 90 },
        ...(canRelease
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                width: 130,
                render: (_: unknown, item: ReleaseItem) =>
                  item.status === 'pending' ? (
                    <Popconfirm
                      title={t('control.releaseConfirm', { id: item.inject_id })}
                      okText={t('control.releaseNow')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => onRelease(item.inject_id)}
                    >
                      <Button size="small" loading={releasing.has(item.inject_id)} aria-label={t('control.releaseNowLabel', { id: item.inject_id })}>
                        {t('control.releaseNow')}
                      </Button>
                    </Popconfirm>
                  ) : null,
              },
            ]
          : []),
      ]}
    />
  );
}
