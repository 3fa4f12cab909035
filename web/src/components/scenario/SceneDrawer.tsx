import { Button, Drawer, Form, Input, InputNumber, Space, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scene } from '../../api/scenarioTypes';
import { parseScenarioTime } from '../../live/scenarioTime';
import type { FieldError } from './InjectDrawer';

interface Props {
  open: boolean;
  scene: Scene | null;
  takenIds: readonly string[];
  fieldError: FieldError | null;
  onClose: () => void;
  onSave: (scene: Scene) => void;
}

const ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

// Edits one scene: id, title (ja/en), scenario start and end, speed (scenario minutes
// per wall minute) and whether the clock pauses at its end.
export function SceneDrawer({ open, scene, takenIds, fieldError, onClose, onSave }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Scene>();

  const errorKey = fieldError ? `${fieldError.path.join('.')}|${fieldError.message}` : '';
  useEffect(() => {
    if (!open || !scene) return;
    form.resetFields();
    form.setFieldsValue(scene);
    if (fieldError && fieldError.path.length > 0) form.setFields([{ name: fieldError.path as never, errors: [fieldError.message] }]);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the error's text, not its object
  }, [open, scene, errorKey, form]);

  const timeRule = {
    validator: (_: unknown, value: string) =>
      parseScenarioTime(value ?? '') === null ? Promise.reject(new Error(t('scenario.validation.time'))) : Promise.resolve(),
  };

  return (
    <Drawer
      open={open}
      title={scene?.id ? t('scenario.scene.editTitle', { id: scene.id }) : t('scenario.scene.addTitle')}
      onClose={onClose}
      size={520}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" onClick={() => form.submit()} data-testid="scene-apply">
            {t('scenario.apply')}
          </Button>
        </Space>
      }
    >
      <Form<Scene>
        name="scene"
        form={form}
        layout="vertical"
        requiredMark="optional"
        onFinish={(values) => onSave({ ...values, id: values.id.trim(), starts_at: values.starts_at.trim(), ends_at: values.ends_at.trim() })}
      >
        <Form.Item
          name="id"
          label={t('scenario.scene.id')}
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
        <Form.Item name={['title', 'ja']} label={t('scenario.titleJa')} rules={[{ required: true, message: t('scenario.validation.required') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name={['title', 'en']} label={t('scenario.titleEn')}>
          <Input maxLength={200} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="starts_at" label={t('scenario.scene.startsAt')} extra={t('scenario.timeHelp')} rules={[{ required: true, message: t('scenario.validation.required') }, timeRule]}>
            <Input className="input-time" />
          </Form.Item>
          <Form.Item
            name="ends_at"
            label={t('scenario.scene.endsAt')}
            dependencies={['starts_at']}
            rules={[
              { required: true, message: t('scenario.validation.required') },
              timeRule,
              ({ getFieldValue }) => ({
                validator: (_, value: string) => {
                  const start = parseScenarioTime(String(getFieldValue('starts_at') ?? ''));
                  const end = parseScenarioTime(value ?? '');
                  return start !== null && end !== null && end <= start
                    ? Promise.reject(new Error(t('scenario.validation.endAfterStart')))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <Input className="input-time" />
          </Form.Item>
        </Space>
        <Form.Item name="speed" label={t('scenario.scene.speed')} extra={t('scenario.scene.speedHelp')} rules={[{ required: true, message: t('scenario.validation.required') }]}>
          <InputNumber min={0.1} max={1440} step={0.5} />
        </Form.Item>
        <Form.Item name="pause_at_end" label={t('scenario.scene.pauseAtEnd')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
