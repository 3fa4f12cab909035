import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../api/evaluationTypes';

// The problems of a refused save, one line each, with a label for the field.
export function FieldErrorList({ errors, labelOf }: { errors: FieldError[]; labelOf: (field: string) => string }) {
  const { t } = useTranslation();
  if (errors.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('evaluation.refused', { count: errors.length })}
      description={
        <ul className="evaluation-errors" data-testid="evaluation-errors">
          {errors.map((error) => (
            <li key={error.field + error.message}>
              {labelOf(error.field)}: {error.message === 'unanswered' ? t('evaluation.unanswered') : error.message}
            </li>
          ))}
        </ul>
      }
    />
  );
}
