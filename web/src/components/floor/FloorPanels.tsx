import { App as AntApp, Button, List, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  cancelBreak,
  extendBreak,
  listAnnouncements,
  listBreaks,
  postAnnouncement,
  scheduleBreak,
  withdrawAnnouncement,
} from '../../api/floorEndpoints';
import type { Announcement, AnnouncementInput, BreakInput, ExerciseBreak } from '../../api/floorTypes';
import { currentLanguage } from '../../i18n';
import { formatCountdown, remainingSeconds } from '../../floor/floorState';
import { localText } from '../../live/localText';
import { useNowUs } from '../../live/useNow';
import { ErrorAlert } from '../ErrorAlert';
import { AnnouncementForm } from './AnnouncementForm';
import { BreakForm } from './BreakForm';

function clockTime(us: number, language: string): string {
  return new Date(us / 1000).toLocaleString(language === 'en' ? 'en-GB' : 'ja-JP', {
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

// Runs an action, reports success or the error, then reloads.
function useAction(load: () => void) {
  const { message } = AntApp.useApp();
  const [error, setError] = useState<unknown>(null);
  const act = async (action: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await action();
      void message.success(done);
      load();
    } catch (failure) {
      setError(failure);
    }
  };
  return { error, setError, act };
}

// The organiser's and controllers' announcements on the control console: post one to
// every screen, see them all, withdraw. `version` changes when a floor event arrives on
// the page's stream, so the list follows other controllers too.
export function AnnouncementsPanel({ exerciseId, version }: { exerciseId: number; version: number }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const language = currentLanguage();
  const [announcements, setAnnouncements] = useState<Announcement[]>([]);
  const load = useCallback(() => {
    listAnnouncements(exerciseId, true).then((answer) => setAnnouncements(answer.items), setError);
  }, [exerciseId]); // eslint-disable-line react-hooks/exhaustive-deps
  const { error, setError, act } = useAction(load);
  useEffect(load, [load, version]);

  const post = async (input: AnnouncementInput) => {
    await postAnnouncement(exerciseId, input);
    void message.success(t('floor.announcement.posted'));
    load();
  };

  return (
    <section data-testid="announcements-panel">
      <AnnouncementForm onSubmit={post} />
      <ErrorAlert error={error} />
      <List
        className="block-gap-top"
        header={t('floor.announcement.list')}
        locale={{ emptyText: t('floor.announcement.none') }}
        dataSource={announcements}
        renderItem={(a) => (
          <List.Item
            actions={
              a.active
                ? [
                    <Button key="withdraw" size="small" danger onClick={() => void act(() => withdrawAnnouncement(exerciseId, a.id), t('floor.announcement.withdrawn'))}>
                      {t('floor.announcement.withdraw')}
                    </Button>,
                  ]
                : []
            }
          >
            <Space direction="vertical" size={0}>
              <Space wrap>
                <Tag>{t(`floor.announcement.severity.${a.severity}`)}</Tag>
                <Tag>{a.active ? t('floor.announcement.active') : t('floor.announcement.inactive')}</Tag>
                <Typography.Text type="secondary">{clockTime(a.created_at_us, language)}</Typography.Text>
              </Space>
              <span className="pre-wrap">{localText(a.message, language)}</span>
            </Space>
          </List.Item>
        )}
      />
    </section>
  );
}

// The breaks on the control console: schedule (now or at a time), extend by 5 minutes,
// end or cancel; the running one with its time left.
export function BreaksPanel({ exerciseId, version }: { exerciseId: number; version: number }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const language = currentLanguage();
  const [breaks, setBreaks] = useState<ExerciseBreak[]>([]);
  const [offsetUs, setOffsetUs] = useState(0);
  const load = useCallback(() => {
    listBreaks(exerciseId).then((answer) => {
      setBreaks(answer.items);
      setOffsetUs(answer.now_us - Date.now() * 1000);
    }, setError);
  }, [exerciseId]); // eslint-disable-line react-hooks/exhaustive-deps
  const { error, setError, act } = useAction(load);
  useEffect(load, [load, version]);
  const running = breaks.find((b) => b.status === 'running') ?? null;
  const nowUs = useNowUs(1000, running !== null) + offsetUs;

  const schedule = async (input: BreakInput) => {
    await scheduleBreak(exerciseId, input);
    void message.success(t('floor.break.scheduled'));
    load();
  };

  return (
    <section data-testid="breaks-panel">
      <BreakForm onSubmit={schedule} />
      <ErrorAlert error={error} />
      <List
        className="block-gap-top"
        header={t('floor.break.list')}
        locale={{ emptyText: t('floor.break.none') }}
        dataSource={breaks}
        renderItem={(b) => {
          const open = b.status === 'running' || b.status === 'scheduled';
          return (
            <List.Item
              data-testid={`break-item-${b.id}`}
              actions={
                open
                  ? [
                      <Button key="extend" size="small" onClick={() => void act(() => extendBreak(exerciseId, b.id, 300), t('floor.break.extended'))}>
                        {t('floor.break.extend5')}
                      </Button>,
                      <Button key="cancel" size="small" danger onClick={() => void act(() => cancelBreak(exerciseId, b.id), t('floor.break.cancelled'))}>
                        {b.status === 'running' ? t('floor.break.endNow') : t('floor.break.cancel')}
                      </Button>,
                    ]
                  : []
              }
            >
              <Space direction="vertical" size={0}>
                <Space wrap>
                  <Tag>{t(`floor.break.status.${b.status}`)}</Tag>
                  <Typography.Text>
                    {clockTime(b.starts_at_us - offsetUs, language)} – {clockTime(b.ends_at_us - offsetUs, language)}
                  </Typography.Text>
                  {b.status === 'running' && (
                    <Typography.Text strong>{t('floor.break.left', { time: formatCountdown(remainingSeconds(b, nowUs)) })}</Typography.Text>
                  )}
                </Space>
                {localText(b.message, language) !== '' && <span className="pre-wrap">{localText(b.message, language)}</span>}
              </Space>
            </List.Item>
          );
        }}
      />
    </section>
  );
}
