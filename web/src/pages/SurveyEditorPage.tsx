import { App as AntApp, Alert, Button, Card, Input, Radio, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../api/client';
import { createSurvey, getSurvey, updateSurvey } from '../api/surveyEndpoints';
import type { SurveyDefinition } from '../api/surveyTypes';
import type { Session } from '../api/types';
import { isOrganiser } from '../auth/roles';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { NotFound } from '../components/NotFound';
import {
  blankDefinition,
  blankQuestion,
  freeQuestionCode,
  fromLocalInput,
  moveQuestion,
  removeQuestion,
  toLocalInput,
} from '../surveys/definitionDraft';
import { QuestionEditor } from '../surveys/QuestionEditor';

// The organiser's survey editor ("new" or an existing survey). Once a survey has
// responses only its titles, intro and dates can change; the server enforces the same.
export function SurveyEditorPage({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const params = useParams();
  const exerciseId = Number(params.exerciseId);
  const isNew = params.surveyId === 'new';
  const surveyId = Number(params.surveyId);
  const [definition, setDefinition] = useState<SurveyDefinition | null>(isNew ? blankDefinition() : null);
  const [locked, setLocked] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (isNew || !Number.isInteger(surveyId)) return;
    getSurvey(exerciseId, surveyId).then((survey) => {
      setDefinition({
        code: survey.code,
        title: survey.title,
        intro: survey.intro,
        respondent: survey.respondent,
        anonymity: survey.anonymity,
        opens_at: survey.opens_at,
        closes_at: survey.closes_at,
        questions: survey.questions,
      });
      setLocked(survey.editable === false);
    }, setError);
  }, [exerciseId, surveyId, isNew]);

  if (!isOrganiser(session, exerciseId) || (!isNew && !Number.isInteger(surveyId))) return <NotFound />;
  if (isApiError(error) && error.code === 'not_found' && !definition) return <NotFound />;
  if (!definition) return error ? <ErrorAlert error={error} /> : <Loading />;

  const set = (patch: Partial<SurveyDefinition>) => setDefinition({ ...definition, ...patch });
  const save = () => {
    setSaving(true);
    const saved = isNew ? createSurvey(exerciseId, definition) : updateSurvey(exerciseId, surveyId, definition);
    saved.then(
      () => {
        void message.success(t('surveys.editor.saved'));
        navigate(`/exercises/${exerciseId}/surveys`);
      },
      (failure: unknown) => {
        setError(failure);
        setSaving(false);
      },
    );
  };

  return (
    <Card>
      <Space className="section-head" wrap>
        <Typography.Title level={1} className="page-title">
          {isNew ? t('surveys.editor.newHeading') : t('surveys.editor.heading')}
        </Typography.Title>
        <Link to={`/exercises/${exerciseId}/surveys`}>{t('surveys.answer.back')}</Link>
      </Space>
      {locked && <Alert type="info" showIcon title={t('surveys.editor.locked')} />}
      <div className="survey-editor-grid block-gap">
        <label htmlFor="survey-code">{t('surveys.editor.surveyCode')}</label>
        <Input id="survey-code" value={definition.code} disabled={locked} onChange={(e) => set({ code: e.target.value })} />
        <label htmlFor="survey-title-ja">{t('surveys.editor.titleJa')}</label>
        <Input id="survey-title-ja" value={definition.title.ja} onChange={(e) => set({ title: { ...definition.title, ja: e.target.value } })} />
        <label htmlFor="survey-title-en">{t('surveys.editor.titleEn')}</label>
        <Input id="survey-title-en" value={definition.title.en} onChange={(e) => set({ title: { ...definition.title, en: e.target.value } })} />
        <label htmlFor="survey-intro-ja">{t('surveys.editor.introJa')}</label>
        <Input.TextArea id="survey-intro-ja" rows={2} value={definition.intro.ja} onChange={(e) => set({ intro: { ...definition.intro, ja: e.target.value } })} />
        <label htmlFor="survey-intro-en">{t('surveys.editor.introEn')}</label>
        <Input.TextArea id="survey-intro-en" rows={2} value={definition.intro.en} onChange={(e) => set({ intro: { ...definition.intro, en: e.target.value } })} />
        <span id="survey-respondent">{t('surveys.list.respondent')}</span>
        <Radio.Group
          aria-labelledby="survey-respondent"
          disabled={locked}
          value={definition.respondent}
          onChange={(e) => set({ respondent: e.target.value })}
          options={[
            { value: 'organisation', label: t('surveys.respondent.organisation') },
            { value: 'person', label: t('surveys.respondent.person') },
          ]}
        />
        <span id="survey-anonymity">{t('surveys.editor.anonymity')}</span>
        <Radio.Group
          aria-labelledby="survey-anonymity"
          disabled={locked}
          value={definition.anonymity}
          onChange={(e) => set({ anonymity: e.target.value })}
          options={[
            { value: 'anonymous', label: t('surveys.anonymity.anonymous') },
            { value: 'named', label: t('surveys.anonymity.named') },
          ]}
        />
        <label htmlFor="survey-opens">{t('surveys.editor.opensAt')}</label>
        <input
          id="survey-opens"
          className="ant-input"
          type="datetime-local"
          value={toLocalInput(definition.opens_at)}
          onChange={(e) => set({ opens_at: fromLocalInput(e.target.value) })}
        />
        <label htmlFor="survey-closes">{t('surveys.editor.closesAt')}</label>
        <input
          id="survey-closes"
          className="ant-input"
          type="datetime-local"
          value={toLocalInput(definition.closes_at)}
          onChange={(e) => set({ closes_at: fromLocalInput(e.target.value) })}
        />
      </div>
      <Typography.Paragraph className="empty-text">{t('surveys.editor.windowHint')}</Typography.Paragraph>
      {definition.questions.map((question, index) => (
        <QuestionEditor
          key={index}
          question={question}
          questions={definition.questions}
          index={index}
          locked={locked}
          onChange={(question) => set({ questions: definition.questions.map((q, i) => (i === index ? question : q)) })}
          onMove={(delta) => set({ questions: moveQuestion(definition.questions, index, delta) })}
          onRemove={() => set({ questions: removeQuestion(definition.questions, index) })}
        />
      ))}
      <Space wrap className="block-gap">
        <Button
          disabled={locked || definition.questions.length >= 100}
          onClick={() =>
            set({ questions: [...definition.questions, { ...blankQuestion(1), code: freeQuestionCode(definition.questions) }] })
          }
        >
          {t('surveys.editor.addQuestion')}
        </Button>
      </Space>
      <ErrorAlert error={error} />
      <Button type="primary" loading={saving} onClick={save} data-testid="survey-save" className="block-gap-top">
        {t('surveys.editor.save')}
      </Button>
    </Card>
  );
}
