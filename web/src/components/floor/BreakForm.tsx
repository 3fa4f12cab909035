import { Button, Form, Input, InputNumber, Radio, TimePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BreakInput } from '../../api/floorTypes';
import { ErrorAlert } from '../ErrorAlert';

interface Values {
  when: 'now' | 'at';
  at?: Dayjs | null;
  minutes: number;
  ja?: string;
  en?: string;
}

// The wall time `at` (today, or tomorrow when already past) in µs since the epoch.
export function startOf(at: Dayjs, nowMs: number): number {
  const today = new Date(nowMs);
  today.setHours(at.hour(), at.minute(), 0, 0);
  if (today.getTime() < nowMs - 60_000) today.setDate(today.getDate() + 1);
  return today.getTime() * 1000;
}

// Schedules a break: now or at a time of day, for a number of minutes, with a message.
export function BreakForm({ onSubmit }: { onSubmit: (input: BreakInput) => Promise<void> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const when = Form.useWatch('when', form);
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const submit = async (values: Values) => {
    setSending(true);
    setError(null);
    try {
      await onSubmit({
        starts_at_us: values.when === 'at' && values.at ? startOf(values.at, Date.now()) : null,
        duration_seconds: Math.round(values.minutes * 60),
        message: { ja: (values.ja ?? '').trim(), en: (values.en ?? '').trim() },
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
      name="break"
      form={form}
      layout="vertical"
      requiredMark="optional"
      initialValues={{ when: 'now', minutes: 10 }}
      onFinish={(values) => void submit(values)}
      data-testid="break-form"
    >
      <Form.Item name="when" label={t('floor.break.when')}>
        <Radio.Group
          options={[
            { value: 'now', label: t('floor.break.now') },
            { value: 'at', label: t('floor.break.at') },
          ]}
        />
      </Form.Item>
      {when === 'at' && (
        <Form.Item name="at" label={t('floor.break.startTime')} rules={[{ required: true, message: t('floor.validation.required') }]}>
          <TimePicker format="HH:mm" minuteStep={5} />
        </Form.Item>
      )}
      <Form.Item
        name="minutes"
        label={t('floor.break.minutes')}
        rules={[{ required: true, message: t('floor.validation.required') }]}
        extra={t('floor.break.minutesHelp')}
      >
        <InputNumber min={0.5} max={240} step={5} />
      </Form.Item>
      <Form.Item name="ja" label={t('floor.break.messageJa')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
      </Form.Item>
      <Form.Item name="en" label={t('floor.break.messageEn')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
      </Form.Item>
      <ErrorAlert error={error} />
      <Button type="primary" htmlType="submit" loading={sending} className="block-gap-top">
        {t('floor.break.submit')}
      </Button>
    </Form>
  );
}
