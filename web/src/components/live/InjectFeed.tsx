import { Badge, Button, Card, Empty, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reference } from '../../api/types';
import { currentLanguage } from '../../i18n';
import type { FeedInject } from '../../live/consoleReducer';
import { localText } from '../../live/localText';
import { objectiveLabel, timestamp } from '../labels';
import { StatusTag } from './StatusTag';

type Order = 'newest' | 'time';

interface Props {
  items: readonly FeedInject[];
  reference: Reference | null;
  acknowledging: ReadonlySet<string>;
  onAcknowledge: (injectId: string) => void;
  onRead: (seq: number) => void;
  onLogAction: (injectId: string) => void;
}

// A safe link for an attachment: http(s) or a path on this server; anything else is text.
function attachmentHref(url: string): string | null {
  if (/^https?:\/\//i.test(url)) return url;
  if (url.startsWith('/') && !url.startsWith('//')) return url;
  return null;
}

// The injects received, newest first or in scenario-time order, with their unread and
// acknowledged state. Titles and bodies are text (line breaks kept by CSS), never HTML.
export function InjectFeed({ items, reference, acknowledging, onAcknowledge, onRead, onLogAction }: Props) {
  const { t } = useTranslation();
  const [order, setOrder] = useState<Order>('newest');
  const language = currentLanguage();
  const sorted = [...items].sort((a, b) =>
    order === 'newest'
      ? b.seq - a.seq
      : a.payload.scenario_minutes - b.payload.scenario_minutes || a.seq - b.seq,
  );
  return (
    <section aria-labelledby="feed-heading">
      <Space className="section-head" wrap>
        <Typography.Title level={2} id="feed-heading" className="section-title">
          {t('feed.title')}
        </Typography.Title>
        <Segmented<Order>
          aria-label={t('feed.order')}
          value={order}
          onChange={setOrder}
          options={[
            { value: 'newest', label: t('feed.newest') },
            { value: 'time', label: t('feed.byTime') },
          ]}
        />
      </Space>
      {sorted.length === 0 && <Empty description={t('feed.empty')} />}
      <ol className="feed" data-testid="inject-feed">
        {sorted.map((item) => {
          const unread = !item.read && !item.acknowledgedByMe;
          const title = localText(item.payload.title, language);
          return (
            <li key={item.seq} className={`feed__item${unread ? ' feed__item--unread' : ''}`} data-inject-id={item.payload.inject_id}>
              <Card size="small" onClick={() => unread && onRead(item.seq)}>
                <Space wrap size={8} className="feed__meta">
                  {unread && <Badge status="processing" text={t('feed.unread')} />}
                  <Typography.Text strong>{item.payload.scenario_time}</Typography.Text>
                  <Typography.Text type="secondary">{timestamp(new Date(item.releasedAtUs / 1000).toISOString(), language)}</Typography.Text>
                  {item.payload.late && <StatusTag kind="warn">{t('feed.late')}</StatusTag>}
                  {item.payload.kind === 'adhoc' && <Tag color="purple">{t('feed.adhoc')}</Tag>}
                </Space>
                <Typography.Title level={3} className="feed__title">
                  {title}
                </Typography.Title>
                <Typography.Paragraph className="pre-wrap">{localText(item.payload.body, language)}</Typography.Paragraph>
                {item.payload.attachments?.length > 0 && (
                  <ul className="feed__attachments" aria-label={t('feed.attachments')}>
                    {item.payload.attachments.map((attachment) => {
                      const href = attachmentHref(attachment.url);
                      return (
                        <li key={`${attachment.name}-${attachment.url}`}>
                          {href ? (
                            <a href={href} target="_blank" rel="noopener noreferrer">
                              {attachment.name || attachment.url}
                            </a>
                          ) : (
                            attachment.name || attachment.url
                          )}
                        </li>
                      );
                    })}
                  </ul>
                )}
                {item.payload.objectives?.length > 0 && (
                  <Space wrap size={4} className="block-gap">
                    {item.payload.objectives.map((id) => (
                      <Tag key={id}>{objectiveLabel(reference, id, language)}</Tag>
                    ))}
                  </Space>
                )}
                <Space wrap>
                  {item.acknowledgedByMe ? (
                    <StatusTag kind="ok" testId="acknowledged">
                      {t('feed.acknowledgedAt', { at: timestamp(item.acknowledgedAt, language) })}
                    </StatusTag>
                  ) : (
                    <Button
                      type="primary"
                      loading={acknowledging.has(item.payload.inject_id)}
                      onClick={(event) => {
                        event.stopPropagation();
                        onAcknowledge(item.payload.inject_id);
                      }}
                      aria-label={t('feed.acknowledgeLabel', { title })}
                    >
                      {t('feed.acknowledge')}
                    </Button>
                  )}
                  {!item.acknowledgedByMe && item.acknowledgedByOrganisation && (
                    <Tag color="blue">
                      {item.acknowledgedBy ? t('feed.teamAcknowledgedBy', { name: item.acknowledgedBy }) : t('feed.teamAcknowledged')}
                    </Tag>
                  )}
                  <Button
                    onClick={(event) => {
                      event.stopPropagation();
                      onLogAction(item.payload.inject_id);
                    }}
                    aria-label={t('feed.logActionLabel', { title })}
                  >
                    {t('feed.logAction')}
                  </Button>
                </Space>
              </Card>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
