import { Button, Form, Input, Radio, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Observation, ObservedInject } from '../../api/floorTypes';
import { currentLanguage } from '../../i18n';
import { RATINGS, ratingLabelKey } from '../../floor/ratingScale';
import { localText } from '../../live/localText';
import { ErrorAlert } from '../ErrorAlert';

// "2023-12-07T04:05:00.000Z" in the browser's time zone and the UI language.
function localTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(currentLanguage() === 'en' ? 'en-GB' : 'ja-JP', { dateStyle: 'short', timeStyle: 'short' });
}

interface Values {
  rating?: number;
  comment?: string;
}

// One inject of the chosen organisation: the observer's rating (1..5) and comment,
// saved to the server; shows whether it is saved.
export function ObservationForm({
  inject,
  onSave,
}: {
  inject: ObservedInject;
  onSave: (rating: number, comment: string) => Promise<Observation>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [saved, setSaved] = useState<Observation | null>(inject.my_observation);
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const formId = `observation-${inject.inject_id.replace(/[^A-Za-z0-9_-]/g, '_')}`;

  useEffect(() => {
    setSaved(inject.my_observation);
    form.setFieldsValue({ rating: inject.my_observation?.rating, comment: inject.my_observation?.comment ?? '' });
    setDirty(false);
  }, [inject, form]);

  const submit = async (values: Values) => {
    if (!values.rating) return;
    setSaving(true);
    setError(null);
    try {
      setSaved(await onSave(values.rating, (values.comment ?? '').trim()));
      setDirty(false);
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<Values>
      name={formId}
      form={form}
      layout="vertical"
      onFinish={(values) => void submit(values)}
      onValuesChange={() => setDirty(true)}
      data-testid={`observation-form-${inject.inject_id}`}
      aria-labelledby={`${formId}-title`}
    >
      <Typography.Title level={3} className="section-title" id={`${formId}-title`}>
        {inject.scenario_time && <span className="muted">{inject.scenario_time} </span>}
        {localText(inject.title, currentLanguage())}
      </Typography.Title>
      <Form.Item name="rating" label={t('floor.rating.label')} rules={[{ required: true, message: t('floor.rating.required') }]}>
        <Radio.Group optionType="button" options={RATINGS.map((value) => ({ value, label: `${value} ${t(ratingLabelKey(value))}` }))} />
      </Form.Item>
      <Form.Item name="comment" label={t('floor.rating.comment')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} />
      </Form.Item>
      <ErrorAlert error={error} />
      <Button type="primary" htmlType="submit" loading={saving}>
        {t('floor.rating.save')}
      </Button>{' '}
      <Typography.Text type="secondary" aria-live="polite" data-testid="observation-state">
        {dirty ? t('floor.rating.unsaved') : saved ? t('floor.rating.savedAt', { at: localTime(saved.updated_at) }) : t('floor.rating.notYet')}
      </Typography.Text>
    </Form>
  );
}
