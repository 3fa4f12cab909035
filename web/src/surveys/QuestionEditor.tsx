import { Button, Card, Checkbox, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { QUESTION_KINDS, type SurveyQuestion } from '../api/surveyTypes';
import { currentLanguage } from '../i18n';
import { CHOICE_KINDS, withKind } from './definitionDraft';
import { localText } from './localText';
import { showIfCandidates } from './showIf';

// Editor of one question: code, kind, texts, required, options (choice and likert),
// range (number) and the show-if condition on an earlier choice question.
export function QuestionEditor({
  question,
  questions,
  index,
  locked,
  onChange,
  onMove,
  onRemove,
}: {
  question: SurveyQuestion;
  questions: SurveyQuestion[];
  index: number;
  locked: boolean;
  onChange: (question: SurveyQuestion) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const candidates = showIfCandidates(questions, index);
  const condition = candidates.find((candidate) => candidate.code === question.show_if?.question);
  const id = (name: string) => `q${index}-${name}`;
  const set = (patch: Partial<SurveyQuestion>) => onChange({ ...question, ...patch });

  return (
    <Card size="small" className="block-gap" title={t('surveys.editor.question', { number: index + 1 })} data-testid={`editor-question-${index}`}>
      <div className="survey-editor-grid">
        <label htmlFor={id('code')}>{t('surveys.editor.code')}</label>
        <Input id={id('code')} value={question.code} disabled={locked} onChange={(e) => set({ code: e.target.value })} />
        <label htmlFor={id('kind')}>{t('surveys.editor.kind')}</label>
        <Select
          id={id('kind')}
          value={question.kind}
          disabled={locked}
          onChange={(kind) => onChange(withKind(question, kind))}
          options={QUESTION_KINDS.map((kind) => ({ value: kind, label: t(`surveys.kind.${kind}`) }))}
        />
        <label htmlFor={id('text-ja')}>{t('surveys.editor.textJa')}</label>
        <Input.TextArea id={id('text-ja')} rows={2} value={question.text.ja} disabled={locked} onChange={(e) => set({ text: { ...question.text, ja: e.target.value } })} />
        <label htmlFor={id('text-en')}>{t('surveys.editor.textEn')}</label>
        <Input.TextArea id={id('text-en')} rows={2} value={question.text.en} disabled={locked} onChange={(e) => set({ text: { ...question.text, en: e.target.value } })} />
        <span />
        <Checkbox checked={question.required} disabled={locked} onChange={(e) => set({ required: e.target.checked })}>
          {t('surveys.editor.required')}
        </Checkbox>
      </div>
      {CHOICE_KINDS.includes(question.kind) && (
        <fieldset className="survey-editor-options">
          <legend>{question.kind === 'likert' ? t('surveys.editor.levels') : t('surveys.editor.options')}</legend>
          {question.options.map((option, position) => (
            <Space key={position} wrap className="block-gap">
              <Input
                aria-label={t('surveys.editor.optionCode', { number: position + 1 })}
                value={option.code}
                disabled={locked}
                onChange={(e) => set({ options: question.options.map((o, i) => (i === position ? { ...o, code: e.target.value } : o)) })}
              />
              <Input
                aria-label={t('surveys.editor.optionJa', { number: position + 1 })}
                placeholder={t('surveys.editor.labelJa')}
                value={option.label.ja}
                disabled={locked}
                onChange={(e) =>
                  set({ options: question.options.map((o, i) => (i === position ? { ...o, label: { ...o.label, ja: e.target.value } } : o)) })
                }
              />
              <Input
                aria-label={t('surveys.editor.optionEn', { number: position + 1 })}
                placeholder={t('surveys.editor.labelEn')}
                value={option.label.en}
                disabled={locked}
                onChange={(e) =>
                  set({ options: question.options.map((o, i) => (i === position ? { ...o, label: { ...o.label, en: e.target.value } } : o)) })
                }
              />
              <Button disabled={locked} onClick={() => set({ options: question.options.filter((_, i) => i !== position) })}>
                {t('surveys.editor.removeOption')}
              </Button>
            </Space>
          ))}
          <Button
            disabled={locked}
            onClick={() => set({ options: [...question.options, { code: `o${question.options.length + 1}`, label: { ja: '', en: '' } }] })}
          >
            {t('surveys.editor.addOption')}
          </Button>
        </fieldset>
      )}
      {question.kind === 'number' && (
        <Space wrap className="block-gap">
          <label htmlFor={id('min')}>{t('surveys.editor.min')}</label>
          <InputNumber id={id('min')} value={question.number_min} disabled={locked} onChange={(value) => set({ number_min: value ?? null })} />
          <label htmlFor={id('max')}>{t('surveys.editor.max')}</label>
          <InputNumber id={id('max')} value={question.number_max} disabled={locked} onChange={(value) => set({ number_max: value ?? null })} />
        </Space>
      )}
      <Space wrap className="block-gap">
        <label htmlFor={id('show-if')}>{t('surveys.editor.showIf')}</label>
        <Select
          id={id('show-if')}
          className="survey-editor-select"
          allowClear
          disabled={locked || candidates.length === 0}
          placeholder={t('surveys.editor.always')}
          value={question.show_if?.question}
          onChange={(code?: string) => set({ show_if: code ? { question: code, any_of: [] } : null })}
          options={candidates.map((candidate) => ({
            value: candidate.code,
            label: `${candidate.code}: ${localText(candidate.text, language)}`,
          }))}
        />
        {condition && (
          <Select
            mode="multiple"
            className="survey-editor-select"
            aria-label={t('surveys.editor.showIfOptions')}
            placeholder={t('surveys.editor.showIfOptions')}
            disabled={locked}
            value={question.show_if?.any_of ?? []}
            onChange={(codes: string[]) => set({ show_if: { question: condition.code, any_of: codes } })}
            options={condition.options.map((option) => ({ value: option.code, label: localText(option.label, language) || option.code }))}
          />
        )}
      </Space>
      <Space wrap className="block-gap">
        <Button disabled={locked || index === 0} onClick={() => onMove(-1)}>
          {t('surveys.editor.up')}
        </Button>
        <Button disabled={locked || index === questions.length - 1} onClick={() => onMove(1)}>
          {t('surveys.editor.down')}
        </Button>
        <Button danger disabled={locked || questions.length === 1} onClick={onRemove}>
          {t('surveys.editor.removeQuestion')}
        </Button>
      </Space>
    </Card>
  );
}
