import { Checkbox, Input, InputNumber, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AnswerValue, SurveyQuestion } from '../api/surveyTypes';
import { currentLanguage } from '../i18n';
import { localText } from './localText';

const MAX_FREE_TEXT = 4000;

// The input of one question: radio buttons (single choice, likert levels from best to
// worst), checkboxes (multiple choice), a number, or a text area.
export function QuestionInput({
  question,
  value,
  onChange,
  labelId,
}: {
  question: SurveyQuestion;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue) => void;
  labelId: string;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const options = question.options.map((option) => ({ value: option.code, label: localText(option.label, language) }));
  switch (question.kind) {
    case 'single_choice':
    case 'likert':
      return (
        <Radio.Group
          aria-labelledby={labelId}
          value={typeof value === 'string' ? value : undefined}
          onChange={(event) => onChange(event.target.value as string)}
          options={options}
        />
      );
    case 'multiple_choice':
      return (
        <Checkbox.Group
          aria-labelledby={labelId}
          value={Array.isArray(value) ? value : []}
          onChange={(checked) => onChange(checked as string[])}
          options={options}
        />
      );
    case 'number':
      return (
        <InputNumber
          aria-labelledby={labelId}
          value={typeof value === 'number' ? value : null}
          min={question.number_min ?? undefined}
          max={question.number_max ?? undefined}
          onChange={(number) => onChange(typeof number === 'number' ? number : null)}
        />
      );
    case 'free_text':
      return (
        <Input.TextArea
          aria-labelledby={labelId}
          value={typeof value === 'string' ? value : ''}
          maxLength={MAX_FREE_TEXT}
          showCount
          rows={3}
          placeholder={t('surveys.answer.freeTextPlaceholder')}
          onChange={(event) => onChange(event.target.value)}
        />
      );
  }
}
