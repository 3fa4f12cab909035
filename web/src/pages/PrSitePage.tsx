import { App as AntApp, Card, Col, Row, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { isApiError } from '../api/client';
import { streamUrl } from '../api/liveEndpoints';
import type { StreamEvent } from '../api/liveTypes';
import {
  createStatement,
  getStatementMetrics,
  listMediaItems,
  listOwnStatements,
  listPersonas,
  listStatements,
  listTrends,
  publishStatement,
  setMediaHidden,
  updateStatement,
  withdrawStatement,
} from '../api/prEndpoints';
import type { HashtagTrend, Persona, Statement, StatementInput, StatementMetrics } from '../api/prTypes';
import type { Session } from '../api/types';
import { useReference } from '../api/useReference';
import { isOrganiser, organisationMembership, rolesIn } from '../auth/roles';
import { ConnectionState } from '../components/live/ConnectionState';
import { ErrorAlert } from '../components/ErrorAlert';
import { NotFound } from '../components/NotFound';
import { MediaComposer } from '../components/pr/MediaComposer';
import { MediaTimeline } from '../components/pr/MediaTimeline';
import { StatementMetricsPanel } from '../components/pr/StatementMetricsPanel';
import { OwnStatements } from '../components/pr/OwnStatements';
import { StatementCard } from '../components/pr/StatementCard';
import { StatementComposer } from '../components/pr/StatementComposer';
import { TrendsPanel } from '../components/pr/TrendsPanel';
import { currentLanguage } from '../i18n';
import { localName } from '../i18n/localName';
import type { EventSourceFactory } from '../live/streamConnection';
import { useEventStream } from '../live/useEventStream';
import { emptyFeed, feedReducer, filterStatements, mergeOrganisations, organisationsOf } from '../pr/feedState';
import '../components/pr/pr.css';

// Engagement counts move with time: the media feed is re-read this often.
const MEDIA_REFRESH_MS = 20000;

// The mock public-relations site (/exercises/:id/pr): the notice board of every
// organisation's statements with sector and organisation filters, the organisation's own
// statements and composer (its people), and the simulated press and social media with
// hashtag trends. Everything updates live from the exercise's event stream.
export function PrSitePage({ session, eventSourceFactory }: { session: Session; eventSourceFactory?: EventSourceFactory }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const exerciseId = Number(useParams().exerciseId);
  const valid = Number.isInteger(exerciseId) && exerciseId > 0;
  const membership = valid ? organisationMembership(session, exerciseId) : undefined;
  const organisationId = membership?.organisation_id ?? null;
  const roles = valid ? rolesIn(session, exerciseId) : [];
  const organiser = valid && isOrganiser(session, exerciseId);
  const mediaWriter = organiser || roles.includes('controller');
  const watching = mediaWriter || roles.includes('observer');
  const { reference } = useReference();
  const [feed, dispatch] = useReducer(feedReducer, emptyFeed);
  const [own, setOwn] = useState<Statement[]>([]);
  const [trends, setTrends] = useState<HashtagTrend[]>([]);
  const [personas, setPersonas] = useState<Persona[]>([]);
  const [sector, setSector] = useState('');
  const [filterOrganisation, setFilterOrganisation] = useState<number | null>(null);
  const [editing, setEditing] = useState<Statement | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [metrics, setMetrics] = useState<StatementMetrics | null>(null);
  const [knownOrganisations, setKnownOrganisations] = useState<{ id: number; name: string }[]>([]);

  const reloadOwn = useCallback(() => {
    if (organisationId === null) return;
    listOwnStatements(exerciseId, organisationId).then((answer) => setOwn(answer.items), setError);
  }, [exerciseId, organisationId]);

  const reloadMedia = useCallback(() => {
    listMediaItems(exerciseId).then((answer) => dispatch({ type: 'mediaLoaded', media: answer.items, at: Date.now() }), setError);
    listTrends(exerciseId).then((answer) => setTrends(answer.items), setError);
  }, [exerciseId]);

  const reloadMetrics = useCallback(() => {
    if (watching) getStatementMetrics(exerciseId).then(setMetrics, setError);
  }, [watching, exerciseId]);

  // The board is read with its filters, so that older statements of a chosen sector or
  // organisation are found too; live events are filtered the same way on arrival.
  const reloadBoard = useCallback(() => {
    if (!valid) return;
    listStatements(exerciseId, { sector, organisation_id: filterOrganisation ?? undefined }).then((answer) => {
      dispatch({ type: 'statementsLoaded', statements: answer.items });
      setKnownOrganisations((known) => mergeOrganisations(known, organisationsOf(answer.items)));
    }, setError);
  }, [valid, exerciseId, sector, filterOrganisation]);
  useEffect(reloadBoard, [reloadBoard]);

  const reloadRest = useCallback(() => {
    if (!valid) return;
    reloadMetrics();
    reloadOwn();
    reloadMedia();
    if (mediaWriter) listPersonas(exerciseId).then((answer) => setPersonas(answer.items), setError);
  }, [valid, exerciseId, reloadOwn, reloadMedia, reloadMetrics, mediaWriter]);
  useEffect(reloadRest, [reloadRest]);

  // After a reconnect: everything (the stream replays what it can; this covers the rest).
  const reload = useCallback(() => {
    reloadBoard();
    reloadRest();
  }, [reloadBoard, reloadRest]);
  useEffect(() => {
    if (!valid) return;
    const timer = window.setInterval(reloadMedia, MEDIA_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [valid, reloadMedia]);

  const onEvent = useCallback(
    (event: StreamEvent) => {
      dispatch({ type: 'event', event, at: Date.now() });
      if (event.type.startsWith('statement.')) {
        reloadOwn();
        reloadMetrics();
      }
      if (event.type.startsWith('media.')) listTrends(exerciseId).then((answer) => setTrends(answer.items), setError);
    },
    [exerciseId, reloadOwn, reloadMetrics],
  );
  const status = useEventStream(valid ? streamUrl(exerciseId) : null, {
    onEvent,
    onReconnected: reload,
    factory: eventSourceFactory,
  });

  const language = currentLanguage();
  const sectorName = useCallback(
    (code: string) => {
      const found = reference?.sectors.find((candidate) => candidate.code === code);
      return found ? localName(found, language) : code;
    },
    [reference, language],
  );
  const visible = useMemo(
    () => filterStatements(feed.statements, { sector, organisationId: filterOrganisation }),
    [feed.statements, sector, filterOrganisation],
  );
  const organisations = useMemo(
    () => mergeOrganisations(knownOrganisations, organisationsOf(feed.statements)),
    [knownOrganisations, feed.statements],
  );

  if (!valid) return <NotFound />;
  if (isApiError(error) && error.code === 'not_found') return <NotFound />;

  const save = async (input: StatementInput, publish: boolean) => {
    if (editing) {
      await updateStatement(exerciseId, editing.id, input);
      if (publish && editing.state === 'draft') await publishStatement(exerciseId, editing.id);
      setEditing(null);
    } else {
      await createStatement(exerciseId, input, publish);
    }
    reloadOwn();
  };
  const act = (work: Promise<unknown>, done: string) =>
    work.then(() => {
      void message.success(done);
      reloadOwn();
    }, setError);

  const board = (
    <Space direction="vertical" className="full-width">
      <Space wrap>
        <Select
          aria-label={t('pr.filter.sector')}
          className="pr-filter"
          value={sector}
          onChange={setSector}
          options={[
            { value: '', label: t('pr.filter.allSectors') },
            ...(reference?.sectors ?? []).map((candidate) => ({ value: candidate.code, label: localName(candidate, language) })),
          ]}
        />
        <Select
          aria-label={t('pr.filter.organisation')}
          className="pr-filter"
          value={filterOrganisation ?? 0}
          onChange={(value) => setFilterOrganisation(value === 0 ? null : value)}
          options={[
            { value: 0, label: t('pr.filter.allOrganisations') },
            ...organisations.map((organisation) => ({ value: organisation.id, label: organisation.name })),
          ]}
        />
      </Space>
      {visible.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('pr.board.empty')}</Typography.Paragraph>
      ) : (
        <ol className="pr-board" aria-label={t('pr.board.title')} data-testid="pr-board">
          {visible.map((statement) => (
            <li key={statement.id}>
              <StatementCard exerciseId={exerciseId} statement={statement} sectorName={sectorName} />
            </li>
          ))}
        </ol>
      )}
      {metrics && <StatementMetricsPanel metrics={metrics} />}
    </Space>
  );

  const media = (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={16}>
        <MediaTimeline
          items={feed.media}
          canHide={organiser}
          onHide={(item, hidden) =>
            act(
              setMediaHidden(exerciseId, item.id, hidden).then(reloadMedia),
              hidden ? t('pr.media.hidden') : t('pr.media.shown'),
            )
          }
        />
      </Col>
      <Col xs={24} lg={8}>
        <TrendsPanel trends={trends} />
        {mediaWriter && feed.scheduled.length > 0 && (
          <Card size="small" className="block-gap-top" title={<h2 className="pr-card-heading">{t('pr.scheduled.title')}</h2>}>
            <ol className="pr-scheduled" data-testid="media-scheduled">
              {feed.scheduled.map((item) => (
                <li key={item.id}>
                  <Typography.Text strong>{item.scheduled_scenario_time}</Typography.Text>{' '}
                  <Typography.Text>{item.persona.name}</Typography.Text>{' '}
                  <Typography.Text type="secondary">{item.text}</Typography.Text>
                </li>
              ))}
            </ol>
          </Card>
        )}
        {mediaWriter && (
          <Card size="small" className="block-gap-top" title={<h2 className="pr-card-heading">{t('pr.mediaComposer.title')}</h2>}>
            <MediaComposer
              exerciseId={exerciseId}
              personas={personas}
              onPersonaCreated={(persona) => setPersonas((current) => [...current, persona])}
            />
          </Card>
        )}
      </Col>
    </Row>
  );

  return (
    <div className="pr-page">
      <Card className="console-head pr-head">
        <Space className="section-head" wrap>
          <Tag className="pr-marking" data-testid="pr-exercise-marking">
            {t('pr.marking')}
          </Tag>
          <Typography.Title level={1} className="page-title">
            {t('pr.title')}
          </Typography.Title>
        </Space>
        <Typography.Paragraph type="secondary">{t('pr.intro')}</Typography.Paragraph>
        <ConnectionState status={status} />
      </Card>
      <ErrorAlert error={error} />
      <Row gutter={[16, 16]} className="block-gap-top">
        <Col xs={24} xl={organisationId !== null ? 16 : 24}>
          <Card>
            <Tabs
              items={[
                { key: 'board', label: t('pr.tabs.board'), children: board },
                { key: 'media', label: t('pr.tabs.media'), children: media },
              ]}
            />
          </Card>
        </Col>
        {organisationId !== null && (
          <Col xs={24} xl={8}>
            <Card title={<h2 className="pr-card-heading">{editing ? t('pr.composer.editTitle') : t('pr.composer.title')}</h2>}>
              <StatementComposer
                key={editing?.id ?? 'new'}
                exerciseId={exerciseId}
                editing={editing}
                onSave={save}
                onCancel={editing ? () => setEditing(null) : undefined}
              />
            </Card>
            <Card className="block-gap-top" title={<h2 className="pr-card-heading">{t('pr.own.title')}</h2>}>
              <OwnStatements
                statements={own}
                onEdit={setEditing}
                onPublish={(statement) => act(publishStatement(exerciseId, statement.id), t('pr.composer.published'))}
                onWithdraw={(statement) => act(withdrawStatement(exerciseId, statement.id), t('pr.own.withdrawn'))}
              />
            </Card>
          </Col>
        )}
      </Row>
    </div>
  );
}
