import { Button, Space, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.txt,application/pdf,image/png,image/jpeg,text/plain';

// One optional file for an inquiry, an answer or a report (the server checks its type by
// its bytes and its size again). Files over 5 MB are refused here already.
export function FilePicker({
  file,
  onChange,
  onTooLarge,
}: {
  file: File | null;
  onChange: (file: File | null) => void;
  onTooLarge: () => void;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <Space wrap>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        hidden
        aria-label={t('desks.attachment.choose')}
        data-testid="desk-file-input"
        onChange={(event) => {
          const chosen = event.target.files?.[0] ?? null;
          event.target.value = '';
          if (chosen && chosen.size > MAX_ATTACHMENT_BYTES) {
            onTooLarge();
            return;
          }
          onChange(chosen);
        }}
      />
      <Button onClick={() => input.current?.click()}>{t('desks.attachment.choose')}</Button>
      {file && (
        <>
          <Typography.Text>{file.name}</Typography.Text>
          <Button size="small" onClick={() => onChange(null)}>
            {t('desks.attachment.remove')}
          </Button>
        </>
      )}
    </Space>
  );
}
