import { Button, Radio, Space, Typography, message } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { getReadiness, reopenReadiness, saveReadiness } from '../../api/evaluationEndpoints';
import type { EvaluationReference, FieldError, ReadinessPart, ReadinessState } from '../../api/evaluationTypes';
import { answersBody, erroredKeys, fieldErrorsOf, groupItemsByArea } from '../../evaluation/evaluationForms';
import { currentLanguage } from '../../i18n';
import { ErrorAlert } from '../ErrorAlert';
import { Loading } from '../Loading';
import { FieldErrorList } from './FieldErrorList';
import { StatusLine } from './StatusLine';

interface Props {
  exerciseId: number;
  organisationId: number;
  part: ReadinessPart;
  reference: EvaluationReference;
  canEdit: boolean;
  canReopen: boolean;
}

// One part of the readiness survey (障害対応体制の強化の取組状況): every item of the part
// with its scale, what is still missing, draft / submit for the org lead, reopen for the organiser.
export function ReadinessSurveyForm({ exerciseId, organisationId, part, reference, canEdit, canReopen }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [state, setState] = useState<ReadinessState | null>(null);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [hidden, setHidden] = useState(false);

  const apply = useCallback((next: ReadinessState) => {
    setState(next);
    setAnswers(next.answers);
  }, []);

  useEffect(() => {
    getReadiness(exerciseId, organisationId, part).then(apply, (failure: unknown) => {
      if (isApiError(failure) && failure.code === 'not_found') setHidden(true);
      else setError(failure);
    });
  }, [exerciseId, organisationId, part, apply]);

  const groups = useMemo(() => groupItemsByArea(reference.readiness_items, part), [reference, part]);
  const scales = useMemo(() => new Map(reference.answer_scales.map((scale) => [scale.code, scale])), [reference]);
  const itemText = (id: string) => {
    const item = reference.readiness_items.find((candidate) => candidate.id === id);
    if (!item) return id;
    return language === 'en' ? item.text_en : item.text_ja;
  };

  if (hidden) return null;
  if (!state) return error ? <ErrorAlert error={error} /> : <Loading />;

  const editable = canEdit && state.status !== 'submitted' && state.window.open;
  const missing = groups.flatMap((group) => group.items).filter((item) => !answers[item.id]);
  const errored = erroredKeys(fieldErrors, 'answers.');

  const save = async (submit: boolean) => {
    setBusy(true);
    setError(null);
    setFieldErrors([]);
    try {
      apply(await saveReadiness(exerciseId, organisationId, part, answersBody(answers), submit));
      void message.success(t(submit ? 'evaluation.submitted' : 'evaluation.saved'));
    } catch (failure) {
      const problems = fieldErrorsOf(failure);
      if (problems.length > 0) setFieldErrors(problems);
      else setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const reopen = async () => {
    setBusy(true);
    try {
      apply(await reopenReadiness(exerciseId, organisationId, part));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const headingId = `readiness-${part}-heading`;
  return (
    <section aria-labelledby={headingId} data-testid={`readiness-${part}`}>
      <Space className="section-head" wrap>
        <Typography.Title level={3} id={headingId} className="section-title">
          {t(`evaluation.readiness.title.${part}`)}
        </Typography.Title>
        <StatusLine status={state.status} submittedAt={state.submitted_at} window={state.window} />
      </Space>
      <Typography.Paragraph type="secondary">{t(`evaluation.readiness.intro.${part}`)}</Typography.Paragraph>
      <ErrorAlert error={error} />
      <FieldErrorList errors={fieldErrors} labelOf={(field) => itemText(field.replace(/^answers\./, ''))} />
      {groups.map((group) => (
        <fieldset key={group.areaCode} className="evaluation-group">
          <legend>{language === 'en' ? group.areaEn : group.areaJa}</legend>
          {group.items.map((item) => {
            const scale = scales.get(item.scale_code);
            const labelId = `item-${part}-${item.id}`;
            return (
              <div
                key={item.id}
                className={errored.has(item.id) ? 'evaluation-item evaluation-item-error' : 'evaluation-item'}
                data-testid={`readiness-item-${item.id}`}
              >
                <Typography.Text id={labelId} strong>
                  {language === 'en' ? item.text_en : item.text_ja}
                </Typography.Text>
                <Radio.Group
                  aria-labelledby={labelId}
                  disabled={!editable}
                  value={answers[item.id]}
                  onChange={(event) => setAnswers({ ...answers, [item.id]: event.target.value as string })}
                  options={(scale?.options ?? []).map((option) => ({
                    value: option.code,
                    label: language === 'en' ? option.label_en : option.label_ja,
                  }))}
                />
              </div>
            );
          })}
        </fieldset>
      ))}
      <Space wrap className="block-gap-top">
        {missing.length > 0 ? (
          <Typography.Text type="warning" data-testid="readiness-missing">
            {t('evaluation.missingCount', { count: missing.length })}
          </Typography.Text>
        ) : (
          <Typography.Text type="success">{t('evaluation.complete')}</Typography.Text>
        )}
        {editable && (
          <>
            <Button onClick={() => void save(false)} loading={busy} data-testid={`readiness-${part}-save`}>
              {t('evaluation.saveDraft')}
            </Button>
            <Button type="primary" onClick={() => void save(true)} loading={busy} data-testid={`readiness-${part}-submit`}>
              {t('evaluation.submit')}
            </Button>
          </>
        )}
        {canReopen && state.status === 'submitted' && (
          <Button onClick={() => void reopen()} loading={busy} data-testid={`readiness-${part}-reopen`}>
            {t('evaluation.reopen')}
          </Button>
        )}
      </Space>
    </section>
  );
}
