import { Avatar, Button, Card, Empty, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MediaItem } from '../../api/prTypes';
import { currentLanguage } from '../../i18n';
import { useNowUs } from '../../live/useNow';
import { compactCount, engagementNow } from '../../pr/feedState';

interface Props {
  items: MediaItem[];
  canHide: boolean;
  onHide: (item: MediaItem, hidden: boolean) => void;
}

// The text with its hashtags set off — as React text nodes, never as HTML.
function PostText({ text }: { text: string }) {
  const parts = text.split(/([#＃][^\s#＃、。！？「」（）・]+)/u);
  return (
    <Typography.Paragraph className="media-text">
      {parts.map((part, index) =>
        /^[#＃]/u.test(part) ? (
          <span key={index} className="media-hashtag">
            {part}
          </span>
        ) : (
          <span key={index}>{part}</span>
        ),
      )}
    </Typography.Paragraph>
  );
}

function PersonaAvatar({ item }: { item: MediaItem }) {
  const avatar = item.persona.avatar;
  if (avatar) return <Avatar size={44} src={`${avatar.url}?disposition=inline`} alt="" />;
  return (
    <Avatar size={44} className={`media-avatar media-avatar-${item.persona.kind}`} aria-hidden>
      {item.persona.initials}
    </Avatar>
  );
}

// One post: persona, verified mark, handle, channel, time, text, image, counts, hide button.
function MediaCard({ item, nowMs, canHide, onHide }: { item: MediaItem; nowMs: number } & Omit<Props, 'items'>) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const engagement = engagementNow(item, nowMs);
  const when = item.published_scenario_time ?? (item.published_at ? new Date(item.published_at).toLocaleTimeString() : '');
  return (
    <Card size="small" className={`media-card media-${item.channel}`} data-testid="media-card" data-hidden={item.hidden}>
      <Space align="start">
        <PersonaAvatar item={item} />
        <Space direction="vertical" size={2}>
          <Space wrap size={4}>
            <Typography.Text strong>{item.persona.name}</Typography.Text>
            {item.persona.verified && (
              <span className="media-verified" role="img" aria-label={t('pr.media.verified')}>
                ✔
              </span>
            )}
            <Typography.Text type="secondary">{item.persona.handle}</Typography.Text>
            <Tag>{t(`pr.media.channel.${item.channel}`)}</Tag>
            <Typography.Text type="secondary">{when}</Typography.Text>
          </Space>
          <PostText text={item.text} />
          {item.image && (
            <img
              className="media-image"
              src={`${item.image.url}?disposition=inline`}
              alt={t('pr.media.imageAlt', { name: item.persona.name })}
            />
          )}
          <Space size="large" className="media-engagement" aria-label={t('pr.media.engagement')}>
            <span>{t('pr.media.replies', { count: compactCount(engagement.replies, language) })}</span>
            <span>{t('pr.media.shares', { count: compactCount(engagement.shares, language) })}</span>
            <span>{t('pr.media.likes', { count: compactCount(engagement.likes, language) })}</span>
            <span data-testid="media-views">{t('pr.media.views', { count: compactCount(engagement.views, language) })}</span>
          </Space>
          {item.hidden && <Tag className="tag-warn">{t('pr.media.hiddenTag')}</Tag>}
          {canHide && (
            <Button size="small" onClick={() => onHide(item, !item.hidden)}>
              {item.hidden ? t('pr.media.unhide') : t('pr.media.hide')}
            </Button>
          )}
        </Space>
      </Space>
    </Card>
  );
}

// The simulated press and social media: avatars, verified marks, images, hashtags and
// engagement counts that tick every second between the page's reads.
export function MediaTimeline({ items, canHide, onHide }: Props) {
  const { t } = useTranslation();
  const nowMs = useNowUs(1000, items.length > 0) / 1000;
  if (items.length === 0) return <Empty description={t('pr.media.empty')} />;
  return (
    <ol className="media-timeline" aria-label={t('pr.media.title')}>
      {items.map((item) => (
        <li key={item.id}>
          <MediaCard item={item} nowMs={nowMs} canHide={canHide} onHide={onHide} />
        </li>
      ))}
    </ol>
  );
}
