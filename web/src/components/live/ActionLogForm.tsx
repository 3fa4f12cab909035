import { Button, Form, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DECISION_TYPES, type ActionInput, type DecisionType } from '../../api/liveTypes';
import type { Reference } from '../../api/types';
import { currentLanguage } from '../../i18n';
import type { FeedInject } from '../../live/consoleReducer';
import { localText } from '../../live/localText';
import { ErrorAlert } from '../ErrorAlert';
import { objectiveLabel } from '../labels';

interface Values {
  text: string;
  objective?: number;
  decision_type: DecisionType;
  inject_id?: string;
}

interface Props {
  injects: readonly FeedInject[];
  reference: Reference | null;
  // Set by "log an action" on an inject (the `nonce` makes the same inject selectable twice).
  preset: { injectId: string; nonce: number } | null;
  onSubmit: (input: ActionInput) => Promise<void>;
}

export const ACTION_TEXT_LIMIT = 4000;

// Records what the team did or decided: text, verification objective, kind of decision,
// optionally the inject it answers. The server stamps scenario and wall time and the person.
export function ActionLogForm({ injects, reference, preset, onSubmit }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const language = currentLanguage();

  useEffect(() => {
    if (!preset) return;
    form.setFieldValue('inject_id', preset.injectId);
    form.getFieldInstance('text')?.focus?.();
  }, [preset, form]);

  const submit = async (values: Values) => {
    setSaving(true);
    setError(null);
    try {
      await onSubmit({
        text: values.text.trim(),
        objective: values.objective ?? null,
        decision_type: values.decision_type,
        ...(values.inject_id ? { inject_id: values.inject_id } : {}),
      });
      form.resetFields(['text', 'inject_id']);
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  };

  const uniqueInjects = [...new Map(injects.map((item) => [item.payload.inject_id, item])).values()];

  return (
    <section aria-labelledby="action-form-heading">
      <h2 id="action-form-heading" className="section-title ant-typography">
        {t('actions.formTitle')}
      </h2>
      <Form<Values>
        name="action"
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={{ decision_type: 'decision' }}
        onFinish={(values) => void submit(values)}
        data-testid="action-form"
      >
        <Form.Item
          name="text"
          label={t('actions.text')}
          rules={[
            { required: true, whitespace: true, message: t('actions.textRequired') },
            { max: ACTION_TEXT_LIMIT, message: t('actions.textTooLong', { max: ACTION_TEXT_LIMIT }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={ACTION_TEXT_LIMIT} showCount />
        </Form.Item>
        <Form.Item name="decision_type" label={t('actions.decisionType')} rules={[{ required: true }]}>
          <Select options={DECISION_TYPES.map((type) => ({ value: type, label: t(`decisionType.${type}`) }))} />
        </Form.Item>
        <Form.Item name="objective" label={t('actions.objective')}>
          <Select
            allowClear
            options={(reference?.objectives ?? []).map((o) => ({ value: o.id, label: objectiveLabel(reference, o.id, language) }))}
          />
        </Form.Item>
        <Form.Item name="inject_id" label={t('actions.inject')}>
          <Select
            allowClear
            options={uniqueInjects.map((item) => ({
              value: item.payload.inject_id,
              label: `${item.payload.scenario_time} ${localText(item.payload.title, language)}`,
            }))}
          />
        </Form.Item>
        <ErrorAlert error={error} />
        <Button type="primary" htmlType="submit" loading={saving} className="block-gap-top">
          {t('actions.submit')}
        </Button>
      </Form>
    </section>
  );
}
