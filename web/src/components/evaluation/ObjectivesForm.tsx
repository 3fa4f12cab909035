import { Button, Checkbox, Input, Space, Typography, message } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { getObjectives, putObjectives } from '../../api/evaluationEndpoints';
import type { EvaluationReference, FieldError, ObjectivesState } from '../../api/evaluationTypes';
import {
  OWN_OBJECTIVE_ID,
  fieldErrorsOf,
  objectivesDraftOf,
  objectivesInput,
  type OwnObjectiveDraft,
} from '../../evaluation/evaluationForms';
import { currentLanguage } from '../../i18n';
import { ErrorAlert } from '../ErrorAlert';
import { Loading } from '../Loading';
import { FieldErrorList } from './FieldErrorList';
import { StatusLine } from './StatusLine';

interface Props {
  exerciseId: number;
  organisationId: number;
  reference: EvaluationReference;
  canEdit: boolean;
  onSaved: () => void;
}

const MAX_OWN = 20;

// Verification objectives (検証課題): the standard ones 1–9 and the organisation's own (⑩, several).
export function ObjectivesForm({ exerciseId, organisationId, reference, canEdit, onSaved }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [state, setState] = useState<ObjectivesState | null>(null);
  const [standard, setStandard] = useState<number[]>([]);
  const [own, setOwn] = useState<OwnObjectiveDraft[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [hidden, setHidden] = useState(false);

  const apply = (next: ObjectivesState) => {
    setState(next);
    const draft = objectivesDraftOf(next.items);
    setStandard(draft.standard);
    setOwn(draft.own);
  };

  useEffect(() => {
    getObjectives(exerciseId, organisationId).then(apply, (failure: unknown) => {
      if (isApiError(failure) && failure.code === 'not_found') setHidden(true);
      else setError(failure);
    });
  }, [exerciseId, organisationId]);

  if (hidden) return null;
  if (!state) return error ? <ErrorAlert error={error} /> : <Loading />;
  const editable = canEdit && state.window.open;

  const save = async () => {
    setBusy(true);
    setError(null);
    setFieldErrors([]);
    try {
      apply(await putObjectives(exerciseId, organisationId, objectivesInput(standard, own)));
      void message.success(t('evaluation.saved'));
      onSaved();
    } catch (failure) {
      const problems = fieldErrorsOf(failure);
      if (problems.length > 0) setFieldErrors(problems);
      else setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const standardObjectives = reference.objectives.filter((objective) => objective.id !== OWN_OBJECTIVE_ID);
  return (
    <section aria-labelledby="objectives-heading" data-testid="objectives-form">
      <Space className="section-head" wrap>
        <Typography.Title level={3} id="objectives-heading" className="section-title">
          {t('evaluation.objectives.title')}
        </Typography.Title>
        <StatusLine status={state.items.length > 0 ? 'submitted' : 'not_started'} submittedAt={null} window={state.window} />
      </Space>
      <Typography.Paragraph type="secondary">{t('evaluation.objectives.intro')}</Typography.Paragraph>
      <ErrorAlert error={error} />
      <FieldErrorList errors={fieldErrors} labelOf={(field) => field} />
      <Checkbox.Group
        className="evaluation-objectives"
        value={standard}
        disabled={!editable}
        onChange={(values) => setStandard(values as number[])}
      >
        <Space direction="vertical">
          {standardObjectives.map((objective) => (
            <Checkbox key={objective.id} value={objective.id} data-testid={`objective-${objective.id}`}>
              <Typography.Text strong>
                {objective.id}. {language === 'en' ? objective.title_en : objective.title_ja}
              </Typography.Text>
              <br />
              <Typography.Text type="secondary">
                {language === 'en' ? objective.description_en : objective.description_ja}
              </Typography.Text>
            </Checkbox>
          ))}
        </Space>
      </Checkbox.Group>
      <Typography.Title level={4} className="block-gap-top">
        {t('evaluation.objectives.own')}
      </Typography.Title>
      <Space direction="vertical" className="full-width">
        {own.map((entry, position) => (
          <Space key={`${entry.index ?? 'new'}-${position}`} className="full-width" align="start">
            <Input.TextArea
              aria-label={t('evaluation.objectives.ownLabel', { number: position + 1 })}
              value={entry.text}
              maxLength={1000}
              autoSize={{ minRows: 1, maxRows: 4 }}
              disabled={!editable}
              data-testid={`own-objective-${position}`}
              onChange={(event) =>
                setOwn(own.map((candidate, i) => (i === position ? { ...candidate, text: event.target.value } : candidate)))
              }
            />
            {editable && (
              <Button onClick={() => setOwn(own.filter((_, i) => i !== position))}>{t('evaluation.remove')}</Button>
            )}
          </Space>
        ))}
        {editable && own.length < MAX_OWN && (
          <Button onClick={() => setOwn([...own, { index: null, text: '' }])} data-testid="own-objective-add">
            {t('evaluation.objectives.addOwn')}
          </Button>
        )}
      </Space>
      {editable && (
        <div className="block-gap-top">
          <Button type="primary" onClick={() => void save()} loading={busy} data-testid="objectives-save">
            {t('evaluation.objectives.save')}
          </Button>
        </div>
      )}
    </section>
  );
}
