import { Alert, Button, Space } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dismissNotice, listNotices } from '../../api/evaluationEndpoints';
import type { Notice } from '../../api/evaluationTypes';
import { streamUrl } from '../../api/liveEndpoints';
import { currentLanguage } from '../../i18n';
import { useEventStream } from '../../live/useEventStream';
import { timestamp } from '../labels';

interface Props {
  exerciseId: number;
  organisationId: number;
  canDismiss: boolean;
}

// Reminders from the secretariat on the organisation's home page; a new one appears at
// once (live event notice.created); the org lead dismisses them.
export function NoticesPanel({ exerciseId, organisationId, canDismiss }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [notices, setNotices] = useState<Notice[]>([]);

  const load = useCallback(() => {
    listNotices(exerciseId, organisationId).then(
      (answer) => setNotices(answer.items),
      () => setNotices([]),
    );
  }, [exerciseId, organisationId]);

  useEffect(load, [load]);
  // Without EventSource (old browsers, tests) the notices still load, just not live.
  useEventStream(typeof EventSource === 'undefined' ? null : streamUrl(exerciseId), {
    onEvent: (event) => {
      if (event.type === 'notice.created') load();
    },
    onReconnected: load,
  });

  if (notices.length === 0) return null;
  return (
    <Space direction="vertical" className="full-width block-gap" data-testid="notices">
      {notices.map((notice) => {
        const instrument = notice.params.instrument ?? '';
        const deadline = notice.params.closes_at
          ? t('evaluation.notice.deadline', { time: timestamp(notice.params.closes_at, language) })
          : '';
        return (
          <Alert
            key={notice.id}
            type="warning"
            showIcon
            role="status"
            data-testid="notice"
            title={t(`evaluation.notice.kind.${notice.kind}`, {
              defaultValue: t('evaluation.notice.generic'),
              instrument: instrument ? t(`evaluation.instrument.${instrument}`) : '',
            })}
            description={`${deadline} ${t('evaluation.notice.sentAt', { time: timestamp(notice.created_at, language) })}`}
            action={
              canDismiss ? (
                <Button
                  size="small"
                  data-testid="notice-dismiss"
                  onClick={() =>
                    void dismissNotice(exerciseId, organisationId, notice.id).then(load, load)
                  }
                >
                  {t('evaluation.notice.dismiss')}
                </Button>
              ) : undefined
            }
          />
        );
      })}
    </Space>
  );
}
