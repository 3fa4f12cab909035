import { Button, Card, Descriptions, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../api/client';
import { createForumSession, listForumSessions, listSurveys } from '../api/surveyEndpoints';
import type { ForumSession, ForumTotals, Survey } from '../api/surveyTypes';
import type { Session } from '../api/types';
import { isOrganiser } from '../auth/roles';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { NotFound } from '../components/NotFound';
import { blankSession, ForumSessionForm } from '../forum/ForumSessionForm';
import { currentLanguage } from '../i18n';
import { localText } from '../surveys/localText';

// Roundtable and feedback sessions of an exercise with their counts and totals; organisers
// add sessions, everyone opens a session for its details (org leads register there).
export function ForumSessionsPage({ session }: { session: Session }) {
  const { t } = useTranslation();
  const exerciseId = Number(useParams().exerciseId);
  const [sessions, setSessions] = useState<ForumSession[] | null>(null);
  const [totals, setTotals] = useState<ForumTotals[]>([]);
  const [surveys, setSurveys] = useState<Survey[]>([]);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const organiser = isOrganiser(session, exerciseId);
  const language = currentLanguage();

  const load = useCallback(() => {
    listForumSessions(exerciseId).then((value) => {
      setSessions(value.items);
      setTotals(value.totals);
      setError(null);
    }, setError);
  }, [exerciseId]);

  useEffect(() => {
    if (!Number.isInteger(exerciseId) || exerciseId <= 0) return;
    load();
    if (organiser) listSurveys(exerciseId).then((value) => setSurveys(value.items), setError);
  }, [exerciseId, load, organiser]);

  if (!Number.isInteger(exerciseId) || exerciseId <= 0) return <NotFound />;
  if (isApiError(error) && error.code === 'not_found') return <NotFound />;
  if (!sessions) return error ? <ErrorAlert error={error} /> : <Loading />;

  return (
    <Card>
      <Space className="section-head" wrap>
        <Typography.Title level={1} className="page-title">
          {t('forum.heading')}
        </Typography.Title>
        <Link to={`/exercises/${exerciseId}`}>{t('surveys.backToExercise')}</Link>
        <Link to={`/exercises/${exerciseId}/surveys`}>{t('surveys.nav')}</Link>
        {organiser && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="session-new">
            {t('forum.new')}
          </Button>
        )}
      </Space>
      <ErrorAlert error={error} />
      {totals.map((total) => (
        <Descriptions key={total.kind} size="small" title={t(`forum.kind.${total.kind}`)} column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('forum.totals.sessions')}>{total.sessions}</Descriptions.Item>
          <Descriptions.Item label={t('forum.totals.registered')}>
            {t('forum.counts', { organisations: total.counts.organisations_registered, people: total.counts.people_registered })}
          </Descriptions.Item>
          <Descriptions.Item label={t('forum.totals.attended')}>
            {t('forum.counts', { organisations: total.counts.organisations_attended, people: total.counts.people_attended })}
          </Descriptions.Item>
        </Descriptions>
      ))}
      <Table<ForumSession>
        rowKey="id"
        dataSource={sessions}
        pagination={false}
        locale={{ emptyText: <span className="empty-text">{t('forum.empty')}</span> }}
        columns={[
          {
            title: t('forum.columns.title'),
            key: 'title',
            render: (_: unknown, item: ForumSession) => (
              <Link to={`/exercises/${exerciseId}/sessions/${item.id}`}>{localText(item.title, language)}</Link>
            ),
          },
          { title: t('forum.columns.kind'), key: 'kind', render: (_: unknown, item: ForumSession) => t(`forum.kind.${item.kind}`) },
          {
            title: t('forum.columns.when'),
            key: 'when',
            render: (_: unknown, item: ForumSession) => `${item.starts_at.replace('T', ' ')} – ${item.ends_at.slice(11)}`,
          },
          { title: t('forum.columns.format'), key: 'format', render: (_: unknown, item: ForumSession) => t(`forum.format.${item.format}`) },
          {
            title: t('forum.columns.registered'),
            key: 'registered',
            render: (_: unknown, item: ForumSession) =>
              `${t('forum.counts', { organisations: item.counts.organisations_registered, people: item.counts.people_registered })}${
                item.capacity ? ` / ${t('forum.capacityOf', { capacity: item.capacity })}` : ''
              }`,
          },
          {
            title: t('forum.columns.attended'),
            key: 'attended',
            render: (_: unknown, item: ForumSession) =>
              t('forum.counts', { organisations: item.counts.organisations_attended, people: item.counts.people_attended }),
          },
        ]}
      />
      {organiser && (
        <ForumSessionForm
          open={creating}
          initial={blankSession()}
          surveys={surveys}
          onClose={() => setCreating(false)}
          onSave={(input) => createForumSession(exerciseId, input).then(load)}
        />
      )}
    </Card>
  );
}
