import { Button, Card, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getStatement } from '../../api/prEndpoints';
import type { Statement, StatementRevision } from '../../api/prTypes';
import { ErrorAlert } from '../ErrorAlert';

interface Props {
  exerciseId: number;
  statement: Statement;
  sectorName: (code: string) => string;
}

// "D1 10:05（2026/11/28 10:05:12）" or the wall time alone before the clock started.
export function StampText({ scenarioTime, wallAt }: { scenarioTime: string | null; wallAt: string | null }) {
  const { t } = useTranslation();
  if (!wallAt) return null;
  const wall = new Date(wallAt).toLocaleString();
  return (
    <Typography.Text type="secondary">
      {scenarioTime ? t('pr.stamp.both', { scenario: scenarioTime, wall }) : t('pr.stamp.wallOnly', { wall })}
    </Typography.Text>
  );
}

function AttachmentLink({ attachment }: { attachment: Statement['attachment'] }) {
  const { t } = useTranslation();
  if (!attachment) return null;
  return (
    <a href={attachment.url} download={attachment.filename} data-testid="statement-attachment">
      {t('pr.statement.attachment', { name: attachment.filename })}
    </a>
  );
}

function RevisionList({ revisions }: { revisions: StatementRevision[] }) {
  const { t } = useTranslation();
  return (
    <ol className="pr-revisions" aria-label={t('pr.statement.history')}>
      {revisions.map((revision) => (
        <li key={revision.revision}>
          <Space direction="vertical" size={2}>
            <Typography.Text strong>
              {t('pr.statement.revisionLabel', { revision: revision.revision })} {revision.title}
            </Typography.Text>
            <StampText scenarioTime={revision.published_scenario_time} wallAt={revision.published_at} />
            <Typography.Paragraph className="pr-body">{revision.body}</Typography.Paragraph>
          </Space>
        </li>
      ))}
    </ol>
  );
}

// One notice of the PR site's board: organisation, sector, stamps, title, body as text,
// attachment, revision badge with the history on demand; a withdrawn notice is a tombstone.
export function StatementCard({ exerciseId, statement, sectorName }: Props) {
  const { t } = useTranslation();
  const [history, setHistory] = useState<StatementRevision[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const withdrawn = statement.state === 'withdrawn';

  const toggleHistory = () => {
    if (history) {
      setHistory(null);
      return;
    }
    getStatement(exerciseId, statement.id).then((full) => setHistory(full.revisions), setError);
  };

  return (
    <Card
      size="small"
      className={withdrawn ? 'pr-notice pr-notice-withdrawn' : 'pr-notice'}
      data-testid="statement-card"
      data-statement-id={statement.id}
    >
      <Space direction="vertical" size={4} className="full-width">
        <Space wrap>
          <Typography.Text strong>{statement.organisation_name}</Typography.Text>
          <Tag>{sectorName(statement.sector_code)}</Tag>
          <StampText scenarioTime={statement.published_scenario_time} wallAt={statement.published_at} />
          {statement.revision > 1 && !withdrawn && (
            <Tag className="tag-info">{t('pr.statement.revisionBadge', { revision: statement.revision })}</Tag>
          )}
        </Space>
        {withdrawn && statement.title === null ? (
          <Typography.Paragraph className="pr-tombstone" data-testid="statement-tombstone">
            {t('pr.statement.withdrawnNotice')}{' '}
            <StampText scenarioTime={statement.withdrawn_scenario_time} wallAt={statement.withdrawn_at} />
          </Typography.Paragraph>
        ) : (
          <>
            {withdrawn && <Tag className="tag-neutral">{t('pr.statement.withdrawnNotice')}</Tag>}
            <Typography.Title level={3} className="pr-title">
              {statement.title}
            </Typography.Title>
            <Typography.Paragraph className="pr-body">{statement.body}</Typography.Paragraph>
            <AttachmentLink attachment={statement.attachment} />
            {statement.revision > 1 && (
              <Button type="link" size="small" onClick={toggleHistory} aria-expanded={history !== null}>
                {history ? t('pr.statement.hideHistory') : t('pr.statement.showHistory')}
              </Button>
            )}
            {history && <RevisionList revisions={history} />}
            <ErrorAlert error={error} />
          </>
        )}
      </Space>
    </Card>
  );
}
