import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import type { FeedBroadcast } from '../../live/consoleReducer';
import { localText } from '../../live/localText';

// The newest broadcast from the secretariat, until the reader closes it. Text, not HTML.
export function BroadcastBanner({ broadcast, onDismiss }: { broadcast: FeedBroadcast | null; onDismiss: (seq: number) => void }) {
  const { t } = useTranslation();
  if (!broadcast) return null;
  return (
    <Alert
      type="info"
      showIcon
      role="alert"
      className="broadcast block-gap"
      data-testid="broadcast-banner"
      title={t('broadcast.from', { from: broadcast.payload.from })}
      description={<span className="pre-wrap">{localText(broadcast.payload.message, currentLanguage())}</span>}
      closable={{ 'aria-label': t('broadcast.dismiss'), onClose: () => onDismiss(broadcast.seq) }}
    />
  );
}
