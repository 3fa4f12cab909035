import { Alert, Button, Card, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../api/client';
import { getSurvey, respondToSurvey } from '../api/surveyEndpoints';
import type { AnswerValue, Answers, Survey } from '../api/surveyTypes';
import type { Session } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { StatusTag } from '../components/live/StatusTag';
import { Loading } from '../components/Loading';
import { NotFound } from '../components/NotFound';
import { currentLanguage } from '../i18n';
import { QuestionInput } from '../surveys/QuestionInput';
import { SurveyStatusTag } from '../surveys/SurveyStatusTag';
import { localDateTime, localText } from '../surveys/localText';
import { answersToSend, missingRequired, visibleQuestions } from '../surveys/showIf';

// Answering a survey: the questions shown follow the answers given so far (show-if),
// required ones are checked before sending, and the server's error names the question.
export function SurveyAnswerPage({ session: _session }: { session: Session }) {
  const { t } = useTranslation();
  const params = useParams();
  const exerciseId = Number(params.exerciseId);
  const surveyId = Number(params.surveyId);
  const [survey, setSurvey] = useState<Survey | null>(null);
  const [answers, setAnswers] = useState<Answers>({});
  const [missing, setMissing] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);
  const language = currentLanguage();

  useEffect(() => {
    if (!Number.isInteger(exerciseId) || !Number.isInteger(surveyId)) return;
    getSurvey(exerciseId, surveyId).then(setSurvey, setError);
  }, [exerciseId, surveyId]);

  const visible = useMemo(() => (survey ? visibleQuestions(survey.questions, answers) : new Set<string>()), [
    survey,
    answers,
  ]);

  if (!Number.isInteger(exerciseId) || !Number.isInteger(surveyId)) return <NotFound />;
  if (isApiError(error) && error.code === 'not_found') return <NotFound />;
  if (!survey) return error ? <ErrorAlert error={error} /> : <Loading />;

  const failedQuestion = isApiError(error) && error.field?.startsWith('answers.') ? error.field.slice(8) : null;
  const setAnswer = (code: string, value: AnswerValue) => {
    setAnswers((current) => ({ ...current, [code]: value }));
    setMissing((current) => current.filter((item) => item !== code));
  };

  const submit = () => {
    const unanswered = missingRequired(survey.questions, answers);
    setMissing(unanswered);
    if (unanswered.length > 0) return;
    setSending(true);
    respondToSurvey(exerciseId, surveyId, answersToSend(survey.questions, answers)).then(
      () => {
        setSent(true);
        setError(null);
        setSending(false);
      },
      (failure: unknown) => {
        setError(failure);
        setSending(false);
      },
    );
  };

  const done = sent || survey.answered;
  return (
    <Card>
      <Space className="section-head" wrap>
        <Typography.Title level={1} className="page-title">
          {localText(survey.title, language)}
        </Typography.Title>
        <SurveyStatusTag status={survey.status} />
        <StatusTag kind="neutral">{t(`surveys.anonymity.${survey.anonymity}`)}</StatusTag>
        <Link to={`/exercises/${exerciseId}/surveys`}>{t('surveys.answer.back')}</Link>
      </Space>
      {survey.intro.ja && <Typography.Paragraph>{localText(survey.intro, language)}</Typography.Paragraph>}
      {survey.closes_at && (
        <Typography.Paragraph className="empty-text">
          {t('surveys.answer.closesAt', { time: localDateTime(survey.closes_at) })}
        </Typography.Paragraph>
      )}
      {!done && !survey.can_answer && (
        <Alert
          type="info"
          showIcon
          title={survey.status === 'open' ? t('surveys.list.leadAnswers') : t(`surveys.status.${survey.status}`)}
        />
      )}
      {done ? (
        <Alert type="success" showIcon role="status" title={t('surveys.answer.thanks')} data-testid="survey-thanks" />
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
          data-testid="survey-form"
        >
          {survey.questions
            .filter((question) => visible.has(question.code))
            .map((question, index) => {
              const labelId = `question-${question.code}`;
              const flagged = missing.includes(question.code) || failedQuestion === question.code;
              return (
                <section
                  key={question.code}
                  className={flagged ? 'survey-question survey-question-error' : 'survey-question'}
                  data-testid={`question-${question.code}`}
                >
                  <Typography.Paragraph strong id={labelId}>
                    {index + 1}. {localText(question.text, language)}
                    {question.required && <span className="survey-required"> {t('surveys.answer.required')}</span>}
                  </Typography.Paragraph>
                  <QuestionInput
                    question={question}
                    labelId={labelId}
                    value={answers[question.code]}
                    onChange={(value) => setAnswer(question.code, value)}
                  />
                  {missing.includes(question.code) && (
                    <Typography.Paragraph type="danger" role="alert">
                      {t('surveys.answer.missing')}
                    </Typography.Paragraph>
                  )}
                </section>
              );
            })}
          <ErrorAlert error={error} />
          <Button type="primary" htmlType="submit" loading={sending} disabled={!survey.can_answer} data-testid="survey-submit">
            {t('surveys.answer.submit')}
          </Button>
        </form>
      )}
    </Card>
  );
}
