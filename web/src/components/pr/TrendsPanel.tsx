import { Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HashtagTrend } from '../../api/prTypes';

// The most used hashtags of the last scenario hour.
export function TrendsPanel({ trends }: { trends: HashtagTrend[] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={<h2 className="pr-card-heading">{t('pr.trends.title')}</h2>}>
      <List
        size="small"
        dataSource={trends}
        locale={{ emptyText: t('pr.trends.empty') }}
        renderItem={(trend, index) => (
          <List.Item data-testid="trend">
            <Typography.Text>
              {index + 1}. #{trend.tag}
            </Typography.Text>
            <Typography.Text type="secondary">{t('pr.trends.posts', { count: trend.count })}</Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
