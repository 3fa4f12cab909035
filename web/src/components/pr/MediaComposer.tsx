import { App as AntApp, Button, Checkbox, Form, Input, InputNumber, Select, Space, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createMediaItem, createPersona, uploadAttachment } from '../../api/prEndpoints';
import type { MediaItemInput, Persona } from '../../api/prTypes';
import { ErrorAlert } from '../ErrorAlert';

interface Props {
  exerciseId: number;
  personas: Persona[];
  onPersonaCreated: (persona: Persona) => void;
}

const KINDS: Persona['kind'][] = ['news', 'citizen', 'vendor', 'official'];
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

// One optional PNG/JPEG chosen for upload when the form is sent.
function ImagePicker({ file, onChange, label }: { file: File | null; onChange: (file: File | null) => void; label: string }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  return (
    <Upload
      accept=".png,.jpg,.jpeg,image/png,image/jpeg"
      maxCount={1}
      fileList={file ? [{ uid: 'image', name: file.name, status: 'done' }] : []}
      onRemove={() => onChange(null)}
      beforeUpload={(chosen) => {
        if (chosen.size > MAX_IMAGE_BYTES) {
          void message.error(t('pr.composer.fileTooLarge'));
          return Upload.LIST_IGNORE;
        }
        onChange(chosen);
        return false;
      }}
    >
      <Button>{label}</Button>
    </Upload>
  );
}

// Controllers and the organiser: create personas and post as them, now or at a scenario time.
export function MediaComposer({ exerciseId, personas, onPersonaCreated }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [personaForm] = Form.useForm<{ name: string; handle: string; kind: Persona['kind']; verified: boolean }>();
  const [postForm] = Form.useForm<MediaItemInput>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [image, setImage] = useState<File | null>(null);
  const [avatar, setAvatar] = useState<File | null>(null);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" className="full-width">
      <Form
        form={postForm}
        layout="vertical"
        name="media-post"
        initialValues={{ channel: 'social', base_engagement: 500 }}
        onFinish={(values) =>
          void run(async () => {
            const imageId = image ? (await uploadAttachment(exerciseId, image)).id : null;
            await createMediaItem(exerciseId, { ...values, at: values.at ? values.at : null, image_attachment_id: imageId });
            postForm.resetFields(['text', 'at']);
            setImage(null);
            void message.success(t('pr.mediaComposer.posted'));
          })
        }
      >
        <Form.Item name="persona_id" label={t('pr.mediaComposer.persona')} rules={[{ required: true, message: t('pr.composer.required') }]}>
          <Select options={personas.map((persona) => ({ value: persona.id, label: `${persona.name} ${persona.handle}` }))} />
        </Form.Item>
        <Form.Item name="channel" label={t('pr.mediaComposer.channel')}>
          <Select
            options={[
              { value: 'social', label: t('pr.media.channel.social') },
              { value: 'press', label: t('pr.media.channel.press') },
            ]}
          />
        </Form.Item>
        <Form.Item name="text" label={t('pr.mediaComposer.text')} rules={[{ required: true, whitespace: true, message: t('pr.composer.required') }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="at" label={t('pr.mediaComposer.at')} extra={t('pr.mediaComposer.atHelp')}>
          <Input placeholder="D1 10:30" />
        </Form.Item>
        <Form.Item name="base_engagement" label={t('pr.mediaComposer.baseEngagement')}>
          <InputNumber min={0} max={1000000} />
        </Form.Item>
        <Form.Item label={t('pr.mediaComposer.image')}>
          <ImagePicker file={image} onChange={setImage} label={t('pr.mediaComposer.chooseImage')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('pr.mediaComposer.post')}
        </Button>
      </Form>
      <Form
        form={personaForm}
        layout="vertical"
        name="media-persona"
        initialValues={{ kind: 'news', verified: false }}
        onFinish={(values) =>
          void run(async () => {
            const avatarId = avatar ? (await uploadAttachment(exerciseId, avatar)).id : null;
            onPersonaCreated(await createPersona(exerciseId, { ...values, avatar_attachment_id: avatarId }));
            personaForm.resetFields();
            setAvatar(null);
          })
        }
      >
        <Form.Item name="name" label={t('pr.mediaComposer.personaName')} rules={[{ required: true, whitespace: true, message: t('pr.composer.required') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="handle" label={t('pr.mediaComposer.handle')} rules={[{ required: true, pattern: /^@?[A-Za-z0-9_]{1,30}$/, message: t('pr.mediaComposer.handleHelp') }]}>
          <Input placeholder="@tokyo_news" />
        </Form.Item>
        <Form.Item name="kind" label={t('pr.mediaComposer.kind')}>
          <Select options={KINDS.map((kind) => ({ value: kind, label: t(`pr.persona.${kind}`) }))} />
        </Form.Item>
        <Form.Item label={t('pr.mediaComposer.avatar')}>
          <ImagePicker file={avatar} onChange={setAvatar} label={t('pr.mediaComposer.chooseImage')} />
        </Form.Item>
        <Form.Item name="verified" valuePropName="checked">
          <Checkbox>{t('pr.mediaComposer.verified')}</Checkbox>
        </Form.Item>
        <Button htmlType="submit" loading={busy}>
          {t('pr.mediaComposer.createPersona')}
        </Button>
      </Form>
      <ErrorAlert error={error} />
    </Space>
  );
}
