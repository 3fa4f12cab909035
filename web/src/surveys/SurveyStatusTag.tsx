import './surveys.css';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SurveyStatus } from '../api/surveyTypes';

const COLOURS: Record<SurveyStatus, string> = { draft: 'default', scheduled: 'blue', open: 'green', closed: 'red' };

// The state of a survey's answering window as a coloured tag.
export function SurveyStatusTag({ status }: { status: SurveyStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[status]} data-testid="survey-status">
      {t(`surveys.status.${status}`)}
    </Tag>
  );
}
