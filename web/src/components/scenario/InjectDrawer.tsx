import { Button, Checkbox, Drawer, Form, Input, Select, Space, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTICIPATION_MODES, type Reference } from '../../api/types';
import { TEAM_ROLES, type Inject, type Scene } from '../../api/scenarioTypes';
import { currentLanguage } from '../../i18n';
import { localName } from '../../i18n/localName';
import { localText } from '../../live/localText';
import { parseScenarioTime } from '../../live/scenarioTime';
import { objectiveLabel } from '../labels';

export interface FieldError {
  path: string[];
  message: string;
}

interface Props {
  open: boolean;
  inject: Inject | null;
  scenes: readonly Scene[];
  reference: Reference | null;
  // Ids of the other injects (for the duplicate check).
  takenIds: readonly string[];
  // A server validation error for this inject, shown on its field.
  fieldError: FieldError | null;
  onClose: () => void;
  onSave: (inject: Inject) => void;
  // An organisation's own inject: its audience is the organisation, no controller notes.
  own?: boolean;
}

interface Values extends Omit<Inject, 'expected_actions'> {
  expected_actions_text: string;
}

const ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

// Edits one inject of the master timeline: when, where, for whom, what it says (ja/en),
// attachments, objectives, expected actions and the controller-only notes.
export function InjectDrawer({ open, inject, scenes, reference, takenIds, fieldError, onClose, onSave, own = false }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const everyone = Form.useWatch(['audience', 'everyone'], form);
  const language = currentLanguage();

  const errorKey = fieldError ? `${fieldError.path.join('.')}|${fieldError.message}` : '';
  useEffect(() => {
    if (!open || !inject) return;
    form.resetFields();
    form.setFieldsValue({ ...inject, expected_actions_text: inject.expected_actions.join('\n') });
    if (fieldError && fieldError.path.length > 0) {
      const name = fieldError.path[0] === 'expected_actions' ? ['expected_actions_text'] : fieldError.path;
      form.setFields([{ name: name as never, errors: [fieldError.message] }]);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the error's text, not its object
  }, [open, inject, errorKey, form]);

  const submit = (submitted: Values) => {
    // Hidden fields (own injects) are not submitted: keep the inject's own values for them.
    const values = { ...inject, ...submitted } as Values;
    const { expected_actions_text: actions, ...rest } = values;
    const audience = !rest.audience || rest.audience.everyone
      ? { everyone: true, sectors: [], organisations: [], modes: [], team_roles: [] }
      : { ...rest.audience, everyone: false };
    onSave({
      ...rest,
      id: rest.id.trim(),
      at: rest.at.trim(),
      audience,
      attachments: (rest.attachments ?? []).filter((a) => a && (a.name || a.url)),
      objectives: rest.objectives ?? [],
      expected_actions: (actions ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    });
  };

  return (
    <Drawer
      open={open}
      title={inject?.id ? t('scenario.inject.editTitle', { id: inject.id }) : t('scenario.inject.addTitle')}
      onClose={onClose}
      size={640}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" onClick={() => form.submit()} data-testid="inject-apply">
            {t('scenario.apply')}
          </Button>
        </Space>
      }
    >
      <Form<Values> name={own ? 'own-inject' : 'inject'} form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Space wrap align="start">
          <Form.Item
            name="id"
            label={t('scenario.inject.id')}
            rules={[
              { required: true, message: t('scenario.validation.required') },
              { pattern: ID_PATTERN, message: t('scenario.validation.id') },
              {
                validator: (_, value: string) =>
                  takenIds.includes((value ?? '').trim())
                    ? Promise.reject(new Error(t('scenario.validation.duplicateId')))
                    : Promise.resolve(),
              },
            ]}
          >
            <Input className="input-id" />
          </Form.Item>
          <Form.Item
            name="at"
            label={t('scenario.inject.at')}
            extra={t('scenario.timeHelp')}
            rules={[
              { required: true, message: t('scenario.validation.required') },
              {
                validator: (_, value: string) =>
                  parseScenarioTime(value ?? '') === null
                    ? Promise.reject(new Error(t('scenario.validation.time')))
                    : Promise.resolve(),
              },
            ]}
          >
            <Input className="input-time" />
          </Form.Item>
          <Form.Item
            name="scene_id"
            label={t('scenario.inject.scene')}
            rules={[{ required: true, message: t('scenario.validation.required') }]}
          >
            <Select
              className="select-wide"
              options={scenes.map((scene) => ({
                value: scene.id,
                label: `${scene.id} — ${localText(scene.title, language)}`,
              }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name={['title', 'ja']} label={t('scenario.titleJa')} rules={[{ required: true, message: t('scenario.validation.required') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name={['title', 'en']} label={t('scenario.titleEn')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name={['body', 'ja']} label={t('scenario.bodyJa')} extra={t('scenario.variablesHelp', { example: '{{org.name}}' })}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={20000} />
        </Form.Item>
        <Form.Item name={['body', 'en']} label={t('scenario.bodyEn')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={20000} />
        </Form.Item>
        {!own && (
        <fieldset className="plain-fieldset block-gap">
          <legend>{t('scenario.audience.title')}</legend>
          <Form.Item name={['audience', 'everyone']} valuePropName="checked">
            <Checkbox>{t('scenario.audience.everyone')}</Checkbox>
          </Form.Item>
          {!everyone && (
            <>
              <Form.Item name={['audience', 'sectors']} label={t('scenario.audience.sectors')}>
                <Select
                  mode="multiple"
                  allowClear
                  optionFilterProp="label"
                  options={(reference?.sectors ?? []).map((s) => ({ value: s.code, label: localName(s, language) }))}
                />
              </Form.Item>
              <Form.Item name={['audience', 'modes']} label={t('scenario.audience.modes')}>
                <Select
                  mode="multiple"
                  allowClear
                  options={PARTICIPATION_MODES.map((mode) => ({ value: mode, label: t(`mode.${mode}`) }))}
                />
              </Form.Item>
              <Form.Item
                name={['audience', 'organisations']}
                label={t('scenario.audience.organisations')}
                extra={t('scenario.audience.organisationsHelp')}
              >
                <Select mode="tags" tokenSeparators={[',', ' ']} open={false} suffixIcon={null} />
              </Form.Item>
              <Form.Item name={['audience', 'team_roles']} label={t('scenario.audience.teamRoles')}>
                <Select
                  mode="tags"
                  options={TEAM_ROLES.map((role) => ({ value: role, label: t(`teamRole.${role}`) }))}
                />
              </Form.Item>
            </>
          )}
        </fieldset>
        )}
        <Form.Item name="objectives" label={t('scenario.inject.objectives')}>
          <Select
            mode="multiple"
            allowClear
            options={(reference?.objectives ?? []).map((o) => ({ value: o.id, label: objectiveLabel(reference, o.id, language) }))}
          />
        </Form.Item>
        <Form.Item name="expected_actions_text" label={t('scenario.inject.expectedActions')} extra={t('scenario.onePerLine')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={10000} />
        </Form.Item>
        <fieldset className="plain-fieldset block-gap">
          <legend>{t('scenario.inject.attachments')}</legend>
          <Form.List name="attachments">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="start" wrap>
                    <Form.Item name={[field.name, 'name']} label={t('scenario.inject.attachmentName')}>
                      <Input maxLength={200} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'url']} label={t('scenario.inject.attachmentUrl')}>
                      <Input maxLength={2000} />
                    </Form.Item>
                    <Button onClick={() => remove(field.name)} className="align-with-input">
                      {t('common.remove')}
                    </Button>
                  </Space>
                ))}
                <Button onClick={() => add({ name: '', url: '' })}>{t('scenario.inject.addAttachment')}</Button>
              </>
            )}
          </Form.List>
        </fieldset>
        {!own && (
        <Form.Item name="controller_notes" label={t('scenario.inject.controllerNotes')} extra={t('scenario.inject.controllerNotesHelp')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={10000} />
        </Form.Item>
        )}
        {!own && (
        <Form.Item name="optional" label={t('scenario.inject.optional')} valuePropName="checked" extra={t('scenario.inject.optionalHelp')}>
          <Switch />
        </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
