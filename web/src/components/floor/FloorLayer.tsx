import { Alert, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { formatCountdown, remainingSeconds, visibleAnnouncements } from '../../floor/floorState';
import type { Floor } from '../../floor/useFloor';
import { localText } from '../../live/localText';
import { useNowUs } from '../../live/useNow';

// The browser-local wall time of a µs timestamp, hours and minutes.
function endTime(browserUs: number, language: string): string {
  return new Date(browserUs / 1000).toLocaleTimeString(language === 'en' ? 'en-GB' : 'ja-JP', { hour: '2-digit', minute: '2-digit' });
}

const ALERT_TYPE = { info: 'info', warning: 'warning', critical: 'error' } as const;

// What the organiser puts on every screen: the active announcements as banners (each
// closable by the reader) and, during a break, a full-screen countdown that only the
// end of the break removes. All texts are rendered as text, never as HTML.
// showBreak=false: announcements only (the control console, where the break is managed).
export function FloorLayer({ floor, showBreak = true }: { floor: Floor; showBreak?: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const browserNowUs = useNowUs(500, true);
  const serverNowUs = browserNowUs + floor.state.offsetUs;
  const announcements = visibleAnnouncements(floor.state, serverNowUs);
  const currentBreak = showBreak ? floor.state.currentBreak : null;
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (currentBreak) headingRef.current?.focus();
  }, [currentBreak?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  const left = currentBreak ? remainingSeconds(currentBreak, serverNowUs) : 0;
  return (
    <>
      {announcements.length > 0 && (
        <div className="floor-announcements" data-testid="announcements">
          {announcements.map((a) => (
            <Alert
              key={a.id}
              type={ALERT_TYPE[a.severity]}
              showIcon
              role="alert"
              className="block-gap"
              data-testid="announcement-banner"
              title={t(`floor.announcement.severity.${a.severity}`) + ' — ' + t('floor.announcement.from', { from: a.created_by })}
              description={<span className="pre-wrap">{localText(a.message, language)}</span>}
              closable={{ 'aria-label': t('floor.announcement.dismiss'), onClose: () => floor.dismiss(a.id) }}
            />
          ))}
        </div>
      )}
      {currentBreak && (
        <div
          className="break-overlay"
          role="dialog"
          aria-modal="true"
          aria-labelledby="break-overlay-title"
          aria-describedby="break-overlay-countdown"
          data-testid="break-overlay"
        >
          <div className="break-overlay-box">
            <p className="break-overlay-marking">{t('floor.marking.ja')} {t('floor.marking.en')}</p>
            <h2 id="break-overlay-title" tabIndex={-1} ref={headingRef}>
              {t('floor.break.title')}
            </h2>
            {localText(currentBreak.message, language) !== '' && (
              <Typography.Paragraph className="break-overlay-message pre-wrap">
                {localText(currentBreak.message, language)}
              </Typography.Paragraph>
            )}
            <p id="break-overlay-countdown" className="break-overlay-countdown" aria-live="off" data-testid="break-countdown">
              {formatCountdown(left)}
            </p>
            <p className="break-overlay-note" aria-live="polite">
              {left > 0
                ? t('floor.break.resumesAt', { time: endTime(currentBreak.ends_at_us - floor.state.offsetUs, language) })
                : t('floor.break.resumingSoon')}
            </p>
          </div>
        </div>
      )}
    </>
  );
}
