import { Button, Form, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnouncementInput, AnnouncementSeverity } from '../../api/floorTypes';
import { ErrorAlert } from '../ErrorAlert';

interface Values {
  ja: string;
  en?: string;
  severity: AnnouncementSeverity;
  expires_in_minutes?: number | null;
}

// An announcement for every screen of the exercise (banner until it expires or is withdrawn).
export function AnnouncementForm({ onSubmit }: { onSubmit: (input: AnnouncementInput) => Promise<void> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const submit = async (values: Values) => {
    setSending(true);
    setError(null);
    try {
      await onSubmit({
        message: { ja: values.ja.trim(), en: (values.en ?? '').trim() },
        severity: values.severity,
        expires_in_minutes: values.expires_in_minutes ?? null,
      });
      form.resetFields();
    } catch (failure) {
      setError(failure);
    } finally {
      setSending(false);
    }
  };
  return (
    <Form<Values>
      name="announcement"
      form={form}
      layout="vertical"
      requiredMark="optional"
      initialValues={{ severity: 'info' }}
      onFinish={(values) => void submit(values)}
      data-testid="announcement-form"
    >
      <Form.Item name="ja" label={t('floor.announcement.messageJa')} rules={[{ required: true, whitespace: true, message: t('floor.validation.required') }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
      </Form.Item>
      <Form.Item name="en" label={t('floor.announcement.messageEn')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
      </Form.Item>
      <Form.Item name="severity" label={t('floor.announcement.severityLabel')}>
        <Select
          options={(['info', 'warning', 'critical'] as const).map((value) => ({
            value,
            label: t(`floor.announcement.severity.${value}`),
          }))}
        />
      </Form.Item>
      <Form.Item name="expires_in_minutes" label={t('floor.announcement.expiresIn')} extra={t('floor.announcement.expiresHelp')}>
        <InputNumber min={1} max={1440} precision={0} />
      </Form.Item>
      <ErrorAlert error={error} />
      <Button type="primary" htmlType="submit" loading={sending} className="block-gap-top">
        {t('floor.announcement.submit')}
      </Button>
    </Form>
  );
}
