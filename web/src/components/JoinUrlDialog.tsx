import { Alert, Button, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssuedJoinLink } from '../api/types';
import { currentLanguage } from '../i18n';
import { timestamp } from './labels';

// Shows a freshly issued join URL once, with a copy button. The server keeps only its hash.
export function JoinUrlDialog({ issued, onClose }: { issued: IssuedJoinLink | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const close = () => {
    setCopyState('idle');
    onClose();
  };
  const copy = async () => {
    if (!issued) return;
    try {
      await navigator.clipboard.writeText(issued.join_url);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  };
  return (
    <Modal
      open={issued !== null}
      title={t('joinLink.issuedTitle')}
      onCancel={close}
      footer={<Button onClick={close}>{t('joinLink.close')}</Button>}
      destroyOnHidden
    >
      {issued && (
        <>
          <Typography.Paragraph>{t('joinLink.issuedHelp', { name: issued.person.display_name })}</Typography.Paragraph>
          <label htmlFor="issued-join-url" className="field-label">
            {t('joinLink.url')}
          </label>
          <Space.Compact className="full-width">
            <Input id="issued-join-url" readOnly value={issued.join_url} data-testid="join-url" onFocus={(e) => e.target.select()} />
            <Button type="primary" onClick={() => void copy()}>
              {t('joinLink.copy')}
            </Button>
          </Space.Compact>
          <Typography.Paragraph type="secondary" className="block-gap-top">
            {t('joinLink.expires', { date: timestamp(issued.expires_at, currentLanguage()) })}
          </Typography.Paragraph>
          <div aria-live="polite">
            {copyState === 'copied' && <Alert type="success" showIcon title={t('joinLink.copied')} />}
            {copyState === 'failed' && <Alert type="warning" showIcon title={t('joinLink.copyFailed')} />}
          </div>
        </>
      )}
    </Modal>
  );
}
