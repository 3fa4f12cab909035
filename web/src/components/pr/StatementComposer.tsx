import { App as AntApp, Button, Form, Input, Space, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadAttachment } from '../../api/prEndpoints';
import type { Statement, StatementInput } from '../../api/prTypes';
import { ErrorAlert } from '../ErrorAlert';

const MAX_BYTES = 5 * 1024 * 1024;
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.txt,application/pdf,image/png,image/jpeg,text/plain';

interface Props {
  exerciseId: number;
  // Editing an existing statement (draft or published: the update becomes a new revision).
  editing?: Statement | null;
  onSave: (input: StatementInput, publish: boolean) => Promise<void>;
  onCancel?: () => void;
}

interface Values {
  title: string;
  body: string;
}

// Writes a statement: title, body (plain text), an optional file (PDF, PNG, JPEG, text, 5 MiB),
// saved as a draft or published at once.
export function StatementComposer({ exerciseId, editing, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File | null>(null);
  const [keptAttachment, setKeptAttachment] = useState(editing?.attachment ?? null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (publish: boolean) => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      let attachmentId = keptAttachment?.id ?? null;
      if (file) attachmentId = (await uploadAttachment(exerciseId, file)).id;
      await onSave({ title: values.title, body: values.body, attachment_id: attachmentId }, publish);
      form.resetFields();
      setFile(null);
      setKeptAttachment(null);
      void message.success(publish ? t('pr.composer.published') : t('pr.composer.saved'));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const fileList: UploadFile[] = file ? [{ uid: 'new', name: file.name, status: 'done' }] : [];
  const published = editing?.state === 'published';
  return (
    <Form
      form={form}
      layout="vertical"
      name={editing ? `statement-edit-${editing.id}` : 'statement-new'}
      initialValues={{ title: editing?.title ?? '', body: editing?.body ?? '' }}
      aria-label={t('pr.composer.title')}
    >
      <Form.Item
        name="title"
        label={t('pr.composer.titleLabel')}
        rules={[{ required: true, whitespace: true, message: t('pr.composer.required') }, { max: 200 }]}
      >
        <Input maxLength={200} showCount />
      </Form.Item>
      <Form.Item
        name="body"
        label={t('pr.composer.bodyLabel')}
        rules={[{ required: true, whitespace: true, message: t('pr.composer.required') }, { max: 10000 }]}
      >
        <Input.TextArea rows={5} maxLength={10000} showCount />
      </Form.Item>
      <Form.Item label={t('pr.composer.fileLabel')} extra={t('pr.composer.fileHelp')}>
        <Space direction="vertical">
          {keptAttachment && !file && (
            <Space>
              <span>{keptAttachment.filename}</span>
              <Button size="small" onClick={() => setKeptAttachment(null)}>
                {t('pr.composer.removeFile')}
              </Button>
            </Space>
          )}
          <Upload
            accept={ACCEPT}
            maxCount={1}
            fileList={fileList}
            onRemove={() => setFile(null)}
            beforeUpload={(chosen) => {
              if (chosen.size > MAX_BYTES) {
                void message.error(t('pr.composer.fileTooLarge'));
                return Upload.LIST_IGNORE;
              }
              setFile(chosen);
              return false;
            }}
          >
            <Button>{t('pr.composer.chooseFile')}</Button>
          </Upload>
        </Space>
      </Form.Item>
      <ErrorAlert error={error} />
      <Space wrap>
        {!published && (
          <Button onClick={() => void submit(false)} loading={busy} data-testid="statement-save-draft">
            {t('pr.composer.saveDraft')}
          </Button>
        )}
        <Button type="primary" onClick={() => void submit(true)} loading={busy} data-testid="statement-publish">
          {published ? t('pr.composer.publishUpdate') : t('pr.composer.publish')}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t('pr.composer.cancel')}</Button>}
      </Space>
    </Form>
  );
}
