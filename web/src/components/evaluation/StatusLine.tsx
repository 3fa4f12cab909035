import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AnswerStatus, InstrumentWindowState } from '../../api/evaluationTypes';
import { currentLanguage } from '../../i18n';
import { timestamp } from '../labels';

// AA-contrast tag classes of styles.css.
const CLASSES: Record<AnswerStatus, string> = { not_started: 'tag-neutral', draft: 'tag-warn', submitted: 'tag-ok' };

export function StatusTag({ status }: { status: AnswerStatus }) {
  const { t } = useTranslation();
  return (
    <Tag className={CLASSES[status]} data-testid="evaluation-status" data-status={status}>
      {t(`evaluation.status.${status}`)}
    </Tag>
  );
}

// The status, when it was submitted, and the deadline of the instrument.
export function StatusLine({
  status,
  submittedAt,
  window,
}: {
  status: AnswerStatus;
  submittedAt: string | null;
  window: InstrumentWindowState;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <Space wrap>
      <StatusTag status={status} />
      {submittedAt && <Typography.Text>{t('evaluation.submittedAt', { time: timestamp(submittedAt, language) })}</Typography.Text>}
      {window.closes_at && (
        <Typography.Text type={window.open ? undefined : 'danger'} data-testid="evaluation-deadline">
          {t(window.open ? 'evaluation.deadline' : 'evaluation.closed', { time: timestamp(window.closes_at, language) })}
        </Typography.Text>
      )}
      {!window.open && !window.closes_at && window.opens_at && (
        <Typography.Text type="secondary">
          {t('evaluation.opensAt', { time: timestamp(window.opens_at, language) })}
        </Typography.Text>
      )}
    </Space>
  );
}
