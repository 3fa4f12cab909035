import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalisedText } from '../../api/scenarioTypes';
import { ErrorAlert } from '../ErrorAlert';

// A message to every participant (shown as a banner on their console).
export function BroadcastForm({ onSubmit }: { onSubmit: (message: LocalisedText) => Promise<void> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<LocalisedText>();
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const submit = async (values: LocalisedText) => {
    setSending(true);
    setError(null);
    try {
      await onSubmit({ ja: values.ja.trim(), en: (values.en ?? '').trim() });
      form.resetFields();
    } catch (failure) {
      setError(failure);
    } finally {
      setSending(false);
    }
  };
  return (
    <Form<LocalisedText> name="broadcast" form={form} layout="vertical" requiredMark="optional" onFinish={(values) => void submit(values)} data-testid="broadcast-form">
      <Form.Item name="ja" label={t('control.broadcast.messageJa')} rules={[{ required: true, whitespace: true, message: t('scenario.validation.required') }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <Form.Item name="en" label={t('control.broadcast.messageEn')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <ErrorAlert error={error} />
      <Button type="primary" htmlType="submit" loading={sending} className="block-gap-top">
        {t('control.broadcast.submit')}
      </Button>
    </Form>
  );
}
