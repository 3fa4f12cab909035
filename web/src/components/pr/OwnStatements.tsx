import { Button, List, Popconfirm, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Statement } from '../../api/prTypes';
import { StatusTag, type StatusKind } from '../live/StatusTag';
import { StampText } from './StatementCard';

interface Props {
  statements: Statement[];
  onEdit: (statement: Statement) => void;
  onPublish: (statement: Statement) => void;
  onWithdraw: (statement: Statement) => void;
}

const STATE_KINDS: Record<Statement['state'], StatusKind> = { draft: 'warn', published: 'ok', withdrawn: 'neutral' };

// The organisation's own statements, drafts included (only its people see the drafts).
export function OwnStatements({ statements, onEdit, onPublish, onWithdraw }: Props) {
  const { t } = useTranslation();
  return (
    <List
      aria-label={t('pr.own.title')}
      dataSource={statements}
      locale={{ emptyText: t('pr.own.empty') }}
      renderItem={(statement) => (
        <List.Item
          data-testid="own-statement"
          actions={[
            statement.state !== 'withdrawn' && (
              <Button key="edit" size="small" onClick={() => onEdit(statement)}>
                {t('pr.own.edit')}
              </Button>
            ),
            statement.state === 'draft' && (
              <Button key="publish" size="small" type="primary" onClick={() => onPublish(statement)}>
                {t('pr.own.publish')}
              </Button>
            ),
            statement.state === 'published' && (
              <Popconfirm
                key="withdraw"
                title={t('pr.own.withdrawConfirm')}
                okText={t('pr.own.withdraw')}
                cancelText={t('pr.composer.cancel')}
                onConfirm={() => onWithdraw(statement)}
              >
                <Button size="small" danger>
                  {t('pr.own.withdraw')}
                </Button>
              </Popconfirm>
            ),
          ].filter(Boolean)}
        >
          <Space direction="vertical" size={0}>
            <Space wrap>
              <StatusTag kind={STATE_KINDS[statement.state]}>{t(`pr.state.${statement.state}`)}</StatusTag>
              <Typography.Text strong>{statement.title}</Typography.Text>
            </Space>
            <StampText scenarioTime={statement.published_scenario_time} wallAt={statement.published_at} />
          </Space>
        </List.Item>
      )}
    />
  );
}
