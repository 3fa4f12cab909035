import { Button, Form, Input, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdhocInjectInput } from '../../api/liveTypes';
import { TEAM_ROLES } from '../../api/scenarioTypes';
import { PARTICIPATION_MODES, type Reference } from '../../api/types';
import { currentLanguage } from '../../i18n';
import { localName } from '../../i18n/localName';
import { ErrorAlert } from '../ErrorAlert';
import { objectiveLabel } from '../labels';
import { OrganisationPicker } from './OrganisationPicker';

interface Values {
  title_ja: string;
  title_en?: string;
  body_ja?: string;
  body_en?: string;
  target: 'everyone' | 'restricted';
  sectors?: string[];
  organisation_ids?: number[];
  modes?: string[];
  team_roles?: string[];
  objectives?: number[];
}

interface Props {
  exerciseId: number;
  reference: Reference | null;
  onSubmit: (input: AdhocInjectInput) => Promise<void>;
}

// The body of POST adhoc-injects from the form's values.
export function adhocInput(values: Values): AdhocInjectInput {
  const restricted = values.target === 'restricted';
  return {
    title: { ja: values.title_ja.trim(), en: (values.title_en ?? '').trim() },
    body: { ja: values.body_ja ?? '', en: values.body_en ?? '' },
    audience: {
      everyone: !restricted,
      organisation_ids: restricted ? (values.organisation_ids ?? []) : [],
      sectors: restricted ? (values.sectors ?? []) : [],
      modes: restricted ? (values.modes ?? []) : [],
      team_roles: restricted ? (values.team_roles ?? []) : [],
    },
    objectives: values.objectives ?? [],
  };
}

// An inject written on the spot and released at once to everyone or to chosen
// sectors, organisations, participation modes and team roles.
export function AdhocInjectForm({ exerciseId, reference, onSubmit }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const target = Form.useWatch('target', form);
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const language = currentLanguage();

  const submit = async (values: Values) => {
    setSending(true);
    setError(null);
    try {
      await onSubmit(adhocInput(values));
      form.resetFields();
    } catch (failure) {
      setError(failure);
    } finally {
      setSending(false);
    }
  };

  return (
    <Form<Values>
      name="adhoc"
      form={form}
      layout="vertical"
      requiredMark="optional"
      initialValues={{ target: 'everyone' }}
      onFinish={(values) => void submit(values)}
      data-testid="adhoc-form"
    >
      <Form.Item name="title_ja" label={t('scenario.titleJa')} rules={[{ required: true, whitespace: true, message: t('scenario.validation.required') }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="title_en" label={t('scenario.titleEn')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="body_ja" label={t('scenario.bodyJa')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={8000} />
      </Form.Item>
      <Form.Item name="body_en" label={t('scenario.bodyEn')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={8000} />
      </Form.Item>
      <Form.Item name="target" label={t('scenario.audience.title')}>
        <Radio.Group
          options={[
            { value: 'everyone', label: t('scenario.audience.everyone') },
            { value: 'restricted', label: t('control.adhoc.restricted') },
          ]}
        />
      </Form.Item>
      {target === 'restricted' && (
        <>
          <Form.Item name="sectors" label={t('scenario.audience.sectors')}>
            <Select
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={(reference?.sectors ?? []).map((s) => ({ value: s.code, label: localName(s, language) }))}
            />
          </Form.Item>
          <Form.Item name="organisation_ids" label={t('scenario.audience.organisations')}>
            <OrganisationPicker exerciseId={exerciseId} />
          </Form.Item>
          <Form.Item name="modes" label={t('scenario.audience.modes')}>
            <Select mode="multiple" allowClear options={PARTICIPATION_MODES.map((mode) => ({ value: mode, label: t(`mode.${mode}`) }))} />
          </Form.Item>
          <Form.Item name="team_roles" label={t('scenario.audience.teamRoles')}>
            <Select mode="multiple" allowClear options={TEAM_ROLES.map((role) => ({ value: role, label: t(`teamRole.${role}`) }))} />
          </Form.Item>
        </>
      )}
      <Form.Item name="objectives" label={t('scenario.inject.objectives')}>
        <Select
          mode="multiple"
          allowClear
          options={(reference?.objectives ?? []).map((o) => ({ value: o.id, label: objectiveLabel(reference, o.id, language) }))}
        />
      </Form.Item>
      <ErrorAlert error={error} />
      <Button type="primary" htmlType="submit" loading={sending} className="block-gap-top">
        {t('control.adhoc.submit')}
      </Button>
    </Form>
  );
}
