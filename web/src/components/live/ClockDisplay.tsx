import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClockState } from '../../api/liveTypes';
import { currentLanguage } from '../../i18n';
import { formatWallTime, scenarioMinutesAt, serverWallMs, type ClockModel } from '../../live/clockMath';
import { localText } from '../../live/localText';
import { formatScenarioTime } from '../../live/scenarioTime';
import { useNowUs } from '../../live/useNow';
import { StatusTag, type StatusKind } from './StatusTag';

const STATE_KINDS: Record<ClockState, StatusKind> = {
  scheduled: 'neutral',
  running: 'ok',
  paused: 'warn',
  ended: 'neutral',
};

// The exercise clock: scenario time, scene, state and wall time, ticking locally from
// the last snapshot or clock.changed event.
export function ClockDisplay({ clock, timeZone }: { clock: ClockModel | null; timeZone?: string }) {
  const { t } = useTranslation();
  const now = useNowUs(500, true);
  const language = currentLanguage();
  const minutes = clock ? scenarioMinutesAt(clock, now) : null;
  return (
    <section className="clock" aria-label={t('clock.label')} data-testid="clock">
      <div className="clock__item">
        <span className="clock__caption">{t('clock.scenarioTime')}</span>
        <span className="clock__value" data-testid="clock-scenario-time">
          {minutes === null ? '—' : formatScenarioTime(minutes)}
        </span>
      </div>
      <div className="clock__item">
        <span className="clock__caption">{t('clock.wallTime')}</span>
        <span className="clock__value clock__value--small">{formatWallTime(serverWallMs(clock, now), timeZone)}</span>
      </div>
      <div className="clock__item">
        <span className="clock__caption">{t('clock.scene')}</span>
        <Typography.Text>{clock ? localText(clock.sceneTitle, language) || clock.sceneId : '—'}</Typography.Text>
      </div>
      <div className="clock__item" role="status" aria-live="polite">
        <span className="clock__caption">{t('clock.state')}</span>
        {clock && (
          <StatusTag kind={STATE_KINDS[clock.state]} testId="clock-state">
            {t(`clockState.${clock.state}`)}
          </StatusTag>
        )}
        {clock?.state === 'running' && (
          <Typography.Text type="secondary">{t('clock.speed', { speed: clock.speed })}</Typography.Text>
        )}
      </div>
    </section>
  );
}
