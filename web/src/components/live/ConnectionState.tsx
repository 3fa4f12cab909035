import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StreamStatus } from '../../live/streamConnection';
import { StatusTag } from './StatusTag';

// The live connection's state: a small tag, and a visible warning while reconnecting.
export function ConnectionState({ status }: { status: StreamStatus }) {
  const { t } = useTranslation();
  return (
    <div role="status" aria-live="polite" data-testid="connection-state" data-status={status}>
      {status === 'live' && <StatusTag kind="ok">{t('connection.live')}</StatusTag>}
      {status === 'connecting' && <StatusTag kind="neutral">{t('connection.connecting')}</StatusTag>}
      {status === 'reconnecting' && (
        <Alert type="warning" showIcon title={t('connection.reconnecting')} description={t('connection.reconnectingHelp')} />
      )}
    </div>
  );
}
