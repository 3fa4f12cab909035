import { List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseMessage } from '../../api/deskTypes';

// AA-contrast classes of styles.css.
const KIND_CLASSES: Record<CaseMessage['kind'], string> = {
  inbound: 'tag-info',
  reply: 'tag-ok',
  ask_back: 'tag-warn',
  acknowledge: 'tag-ok',
  note: 'tag-neutral',
  handover: 'tag-neutral',
};

// The messages of a case, oldest first, each with its author, kind, wall time and scenario
// time. Bodies are shown as text (line breaks kept), never as HTML.
export function CaseThread({ messages }: { messages: CaseMessage[] }) {
  const { t } = useTranslation();
  return (
    <List
      className="case-thread"
      dataSource={messages}
      locale={{ emptyText: <span className="empty-text">{t('desks.thread.empty')}</span> }}
      renderItem={(message) => (
        <List.Item key={message.id} data-testid={`case-message-${message.kind}`}>
          <Space direction="vertical" size={2} style={{ width: '100%' }}>
            <Space wrap size={6}>
              <Tag className={KIND_CLASSES[message.kind]}>{t(`desks.messageKind.${message.kind}`)}</Tag>
              <Typography.Text strong>{message.author}</Typography.Text>
              <Typography.Text type="secondary">
                {new Date(message.wall_at_us / 1000).toLocaleString()}
                {message.wall_scenario_time ? ` · ${t('desks.scenarioTime', { time: message.wall_scenario_time })}` : ''}
              </Typography.Text>
            </Space>
            <Typography.Paragraph className="case-message-body" style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
              {message.body || t('desks.thread.noText')}
            </Typography.Paragraph>
            {message.attachment && (
              <a href={message.attachment.url} target="_blank" rel="noopener noreferrer" data-testid="case-attachment">
                {t('desks.attachment.openPlain')}
              </a>
            )}
          </Space>
        </List.Item>
      )}
    />
  );
}
