import { App as AntApp, Button, Card, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../api/client';
import {
  closeSurvey,
  createSurveyFromTemplate,
  deleteSurvey,
  listSurveys,
  listSurveyTemplates,
  openSurvey,
} from '../api/surveyEndpoints';
import type { Survey, SurveyDefinition } from '../api/surveyTypes';
import type { Session } from '../api/types';
import { isOrganiser, organisationMembership, rolesIn } from '../auth/roles';
import { ErrorAlert } from '../components/ErrorAlert';
import { errorText } from '../components/errorText';
import { StatusTag } from '../components/live/StatusTag';
import { Loading } from '../components/Loading';
import { NotFound } from '../components/NotFound';
import { currentLanguage } from '../i18n';
import { SurveyStatusTag } from '../surveys/SurveyStatusTag';
import { localDateTime, localText } from '../surveys/localText';

// Surveys of an exercise. Organisers add a bundled template (or a blank survey), open,
// close, edit and delete; staff open the results; organisation people see the opened
// surveys and answer those that are theirs to answer.
export function SurveysPage({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const exerciseId = Number(useParams().exerciseId);
  const [surveys, setSurveys] = useState<Survey[] | null>(null);
  const [templates, setTemplates] = useState<SurveyDefinition[]>([]);
  const [template, setTemplate] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const organiser = isOrganiser(session, exerciseId);
  const roles = rolesIn(session, exerciseId);
  const seesResults = organiser || roles.includes('observer') || roles.includes('ministry');
  const member = organisationMembership(session, exerciseId) !== undefined && !organiser;
  const language = currentLanguage();

  const load = useCallback(() => {
    listSurveys(exerciseId).then((value) => {
      setSurveys(value.items);
      setError(null);
    }, setError);
  }, [exerciseId]);

  useEffect(() => {
    if (!Number.isInteger(exerciseId) || exerciseId <= 0) return;
    load();
    if (organiser) listSurveyTemplates(exerciseId).then((value) => setTemplates(value.items), setError);
  }, [exerciseId, load, organiser]);

  if (!Number.isInteger(exerciseId) || exerciseId <= 0) return <NotFound />;
  if (isApiError(error) && error.code === 'not_found') return <NotFound />;
  if (!surveys) return error ? <ErrorAlert error={error} /> : <Loading />;

  const act = (work: () => Promise<unknown>, done: string) => {
    work().then(
      () => {
        void message.success(t(done));
        load();
      },
      (failure: unknown) => void message.error(errorText(t, failure)),
    );
  };

  const addTemplate = () => {
    if (!template) return;
    const taken = new Set(surveys.map((survey) => survey.code));
    let code: string | undefined;
    for (let n = 2; taken.has(code ?? template); n += 1) code = `${template}_${n}`;
    act(() => createSurveyFromTemplate(exerciseId, template, code), 'surveys.list.added');
  };

  const columns = [
    {
      title: t('surveys.list.title'),
      key: 'title',
      render: (_: unknown, survey: Survey) => <span data-testid="survey-title">{localText(survey.title, language)}</span>,
    },
    {
      title: t('surveys.list.status'),
      key: 'status',
      render: (_: unknown, survey: Survey) => (
        <Space wrap>
          <SurveyStatusTag status={survey.status} />
          {survey.answered && <StatusTag kind="ok">{t('surveys.list.answered')}</StatusTag>}
        </Space>
      ),
    },
    {
      title: t('surveys.list.respondent'),
      key: 'respondent',
      render: (_: unknown, survey: Survey) => (
        <>
          {t(`surveys.respondent.${survey.respondent}`)} / {t(`surveys.anonymity.${survey.anonymity}`)}
        </>
      ),
    },
    {
      title: t('surveys.list.window'),
      key: 'window',
      render: (_: unknown, survey: Survey) =>
        survey.opens_at ? `${localDateTime(survey.opens_at)} – ${localDateTime(survey.closes_at)}` : '—',
    },
    ...(member
      ? []
      : [
          {
            title: t('surveys.list.responses'),
            key: 'responses',
            render: (_: unknown, survey: Survey) => <span data-testid="survey-responses">{survey.response_count}</span>,
          },
        ]),
    {
      title: t('surveys.list.actions'),
      key: 'actions',
      render: (_: unknown, survey: Survey) => (
        <Space wrap>
          {survey.can_answer && (
            <Link to={`/exercises/${exerciseId}/surveys/${survey.id}/answer`} data-testid={`answer-${survey.code}`}>
              {t('surveys.list.answer')}
            </Link>
          )}
          {member && !survey.can_answer && !survey.answered && survey.status === 'open' && (
            <Typography.Text className="empty-text">{t('surveys.list.leadAnswers')}</Typography.Text>
          )}
          {seesResults && (
            <Link to={`/exercises/${exerciseId}/surveys/${survey.id}/results`} data-testid={`results-${survey.code}`}>
              {t('surveys.list.results')}
            </Link>
          )}
          {organiser && (
            <Link to={`/exercises/${exerciseId}/surveys/${survey.id}/edit`} data-testid={`edit-${survey.code}`}>
              {survey.editable ? t('surveys.list.edit') : t('surveys.list.editTexts')}
            </Link>
          )}
          {organiser && survey.status !== 'open' && (
            <Button
              size="small"
              type="primary"
              data-testid={`open-${survey.code}`}
              onClick={() => act(() => openSurvey(exerciseId, survey.id), 'surveys.list.opened')}
            >
              {t('surveys.list.open')}
            </Button>
          )}
          {organiser && survey.status === 'open' && (
            <Button
              size="small"
              data-testid={`close-${survey.code}`}
              onClick={() => act(() => closeSurvey(exerciseId, survey.id), 'surveys.list.closed')}
            >
              {t('surveys.list.close')}
            </Button>
          )}
          {organiser && (
            <Popconfirm
              title={t('surveys.list.deleteConfirm', { count: survey.response_count ?? 0 })}
              okText={t('surveys.yes')}
              cancelText={t('surveys.no')}
              onConfirm={() => act(() => deleteSurvey(exerciseId, survey.id), 'surveys.list.deleted')}
            >
              <Button size="small" danger>
                {t('surveys.list.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card>
      <Space className="section-head" wrap>
        <Typography.Title level={1} className="page-title">
          {t('surveys.list.heading')}
        </Typography.Title>
        <Link to={`/exercises/${exerciseId}`}>{t('surveys.backToExercise')}</Link>
        <Link to={`/exercises/${exerciseId}/sessions`}>{t('forum.nav')}</Link>
      </Space>
      <ErrorAlert error={error} />
      {organiser && (
        <Space wrap className="block-gap" role="group" aria-label={t('surveys.list.addHeading')}>
          <Select
            className="survey-template-select"
            aria-label={t('surveys.list.template')}
            placeholder={t('surveys.list.template')}
            value={template}
            onChange={setTemplate}
            data-testid="template-select"
            options={templates.map((definition) => ({
              value: definition.code,
              label: localText(definition.title, language),
            }))}
          />
          <Button type="primary" disabled={!template} onClick={addTemplate} data-testid="add-template">
            {t('surveys.list.addTemplate')}
          </Button>
          <Button onClick={() => navigate(`/exercises/${exerciseId}/surveys/new/edit`)} data-testid="new-survey">
            {t('surveys.list.new')}
          </Button>
        </Space>
      )}
      <Table<Survey>
        rowKey="id"
        dataSource={surveys}
        columns={columns}
        pagination={false}
        data-testid="survey-table"
        locale={{ emptyText: <span className="empty-text">{t('surveys.list.empty')}</span> }}
      />
    </Card>
  );
}
