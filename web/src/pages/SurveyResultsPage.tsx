import { Alert, Card, Descriptions, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../api/client';
import { getSurvey, getSurveyResults, listSurveyResponses } from '../api/surveyEndpoints';
import type { NamedResponse, OptionResult, Rate, Survey, SurveyQuestion, SurveyResults } from '../api/surveyTypes';
import type { Session } from '../api/types';
import { useReference } from '../api/useReference';
import { isOrganiser } from '../auth/roles';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { NotFound } from '../components/NotFound';
import { currentLanguage } from '../i18n';
import { localName } from '../i18n/localName';
import { ShareBar } from '../surveys/ShareBar';
import { SurveyStatusTag } from '../surveys/SurveyStatusTag';
import { localText } from '../surveys/localText';

function percentText(percent: number | null): string {
  return percent === null ? '—' : `${percent.toFixed(1)}%`;
}

function rateText(rate: Rate | null, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (!rate) return t('surveys.results.suppressed');
  return `${percentText(rate.percent)} (${rate.answered} / ${rate.eligible})`;
}

// Results of one survey: per question counts and shares with their denominators, number
// summaries, free text (sorted, never in submission order), response rates per sector and
// organisation; for named surveys the organiser also sees each respondent's answers.
export function SurveyResultsPage({ session }: { session: Session }) {
  const { t } = useTranslation();
  const params = useParams();
  const exerciseId = Number(params.exerciseId);
  const surveyId = Number(params.surveyId);
  const [survey, setSurvey] = useState<Survey | null>(null);
  const [results, setResults] = useState<SurveyResults | null>(null);
  const [named, setNamed] = useState<NamedResponse[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { reference } = useReference();
  const language = currentLanguage();
  const organiser = isOrganiser(session, exerciseId);

  useEffect(() => {
    if (!Number.isInteger(exerciseId) || !Number.isInteger(surveyId)) return;
    getSurvey(exerciseId, surveyId).then((value) => {
      setSurvey(value);
      if (organiser && value.anonymity === 'named') {
        listSurveyResponses(exerciseId, surveyId).then((list) => setNamed(list.items), setError);
      }
    }, setError);
    getSurveyResults(exerciseId, surveyId).then(setResults, setError);
  }, [exerciseId, surveyId, organiser]);

  if (!Number.isInteger(exerciseId) || !Number.isInteger(surveyId)) return <NotFound />;
  if (isApiError(error) && error.code === 'not_found') return <NotFound />;
  if (!survey || !results) return error ? <ErrorAlert error={error} /> : <Loading />;

  const sectorName = (code: string) => {
    const sector = reference?.sectors.find((item) => item.code === code);
    return sector ? localName(sector, language) : code;
  };
  const questionOf = (code: string): SurveyQuestion | undefined => survey.questions.find((q) => q.code === code);
  const optionLabel = (question: SurveyQuestion | undefined, code: string) => {
    const option = question?.options.find((item) => item.code === code);
    return option ? localText(option.label, language) : code;
  };
  const answerText = (question: SurveyQuestion, value: unknown): string => {
    if (Array.isArray(value)) return value.map((code) => optionLabel(question, String(code))).join(t('surveys.results.separator'));
    if (typeof value === 'string' && question.options.length > 0) return optionLabel(question, value);
    return value === undefined || value === null ? '' : String(value);
  };

  return (
    <Card>
      <Space className="section-head" wrap>
        <Typography.Title level={1} className="page-title">
          {t('surveys.results.heading', { title: localText(survey.title, language) })}
        </Typography.Title>
        <SurveyStatusTag status={survey.status} />
        <Link to={`/exercises/${exerciseId}/surveys`}>{t('surveys.answer.back')}</Link>
      </Space>
      <ErrorAlert error={error} />
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('surveys.results.responses')}>
          <span data-testid="results-responses">{results.responses}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('surveys.results.responseRate')}>
          {rateText(results.response_rates.total, t)}
        </Descriptions.Item>
        <Descriptions.Item label={t('surveys.list.respondent')}>
          {t(`surveys.respondent.${results.respondent}`)} / {t(`surveys.anonymity.${results.anonymity}`)}
        </Descriptions.Item>
      </Descriptions>
      {results.suppressed && (
        <Alert type="info" showIcon title={t('surveys.results.suppressedNote', { minimum: results.minimum_group_size })} />
      )}
      {results.questions.map((result, index) => {
        const question = questionOf(result.code);
        if (!question) return null;
        return (
          <section key={result.code} className="block-gap-top" data-testid={`result-${result.code}`}>
            <Typography.Title level={2} className="section-title">
              {index + 1}. {localText(question.text, language)}
            </Typography.Title>
            <Typography.Paragraph className="empty-text">
              {t('surveys.results.answered', { count: result.answered })}
            </Typography.Paragraph>
            {result.options.length > 0 && (
              <Table<OptionResult>
                rowKey="code"
                size="small"
                pagination={false}
                dataSource={result.options}
                columns={[
                  {
                    title: t('surveys.results.option'),
                    key: 'option',
                    render: (_: unknown, option: OptionResult) => optionLabel(question, option.code),
                  },
                  {
                    title: t('surveys.results.count'),
                    key: 'count',
                    render: (_: unknown, option: OptionResult) => (
                      <span data-testid={`count-${result.code}-${option.code}`}>{option.count}</span>
                    ),
                  },
                  {
                    title: t('surveys.results.share'),
                    key: 'share',
                    render: (_: unknown, option: OptionResult) => (
                      <Space>
                        <ShareBar percent={option.percent} />
                        <span>
                          {percentText(option.percent)} ({option.count} / {option.denominator})
                        </span>
                      </Space>
                    ),
                  },
                ]}
              />
            )}
            {result.numbers && (
              <Descriptions size="small" column={4}>
                <Descriptions.Item label={t('surveys.results.min')}>{result.numbers.min}</Descriptions.Item>
                <Descriptions.Item label={t('surveys.results.max')}>{result.numbers.max}</Descriptions.Item>
                <Descriptions.Item label={t('surveys.results.mean')}>{result.numbers.mean}</Descriptions.Item>
                <Descriptions.Item label={t('surveys.results.median')}>{result.numbers.median}</Descriptions.Item>
              </Descriptions>
            )}
            {question.kind === 'free_text' &&
              (result.texts.length === 0 ? (
                <Typography.Paragraph className="empty-text">{t('surveys.results.noTexts')}</Typography.Paragraph>
              ) : (
                <ul className="survey-texts">
                  {result.texts.map((text, position) => (
                    <li key={position}>{text}</li>
                  ))}
                </ul>
              ))}
          </section>
        );
      })}
      <Typography.Title level={2} className="section-title block-gap-top">
        {t('surveys.results.bySector')}
      </Typography.Title>
      <Table
        rowKey="sector_code"
        size="small"
        pagination={false}
        dataSource={results.response_rates.sectors}
        columns={[
          { title: t('surveys.results.sector'), key: 'sector', render: (_: unknown, row) => sectorName(row.sector_code) },
          { title: t('surveys.results.organisations'), dataIndex: 'organisations', key: 'organisations' },
          {
            title: t('surveys.results.organisationRate'),
            key: 'organisation_rate',
            render: (_: unknown, row) => rateText(row.organisation_rate, t),
          },
          ...(results.respondent === 'person'
            ? [{ title: t('surveys.results.peopleRate'), key: 'rate', render: (_: unknown, row: (typeof results.response_rates.sectors)[number]) => rateText(row.rate, t) }]
            : []),
        ]}
      />
      <Typography.Title level={2} className="section-title block-gap-top">
        {t('surveys.results.byOrganisation')}
      </Typography.Title>
      <Table
        rowKey="organisation_id"
        size="small"
        dataSource={results.response_rates.organisations}
        columns={[
          { title: t('surveys.results.organisation'), dataIndex: 'name', key: 'name' },
          { title: t('surveys.results.sector'), key: 'sector', render: (_: unknown, row) => sectorName(row.sector_code) },
          { title: t('surveys.results.responseRate'), key: 'rate', render: (_: unknown, row) => rateText(row.rate, t) },
        ]}
      />
      {named && (
        <>
          <Typography.Title level={2} className="section-title block-gap-top">
            {t('surveys.results.perRespondent')}
          </Typography.Title>
          <Table<NamedResponse>
            rowKey={(row) => `${row.organisation_id}-${row.person_id ?? 0}`}
            size="small"
            scroll={{ x: true }}
            dataSource={named}
            columns={[
              { title: t('surveys.results.organisation'), dataIndex: 'organisation_name', key: 'organisation' },
              { title: t('surveys.results.person'), dataIndex: 'person_name', key: 'person' },
              { title: t('surveys.results.submittedOn'), dataIndex: 'submitted_on', key: 'submitted_on' },
              ...survey.questions.map((question) => ({
                title: question.code,
                key: question.code,
                render: (_: unknown, row: NamedResponse) => answerText(question, row.answers[question.code]),
              })),
            ]}
          />
        </>
      )}
    </Card>
  );
}
