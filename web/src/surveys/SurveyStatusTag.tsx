import './surveys.css';
import { useTranslation } from 'react-i18next';
import type { SurveyStatus } from '../api/surveyTypes';
import { StatusTag, type StatusKind } from '../components/live/StatusTag';

const KINDS: Record<SurveyStatus, StatusKind> = { draft: 'neutral', scheduled: 'info', open: 'ok', closed: 'warn' };

// The state of a survey's answering window as a tag (AA-contrast colours).
export function SurveyStatusTag({ status }: { status: SurveyStatus }) {
  const { t } = useTranslation();
  return (
    <StatusTag kind={KINDS[status]} testId="survey-status">
      {t(`surveys.status.${status}`)}
    </StatusTag>
  );
}
