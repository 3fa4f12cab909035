import { App as AntApp, Alert, Button, Drawer, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { uploadAttachment } from '../../api/prEndpoints';
import { currentLanguage } from '../../i18n';
import type { OrganisationDesk } from '../../desks/useOrganisationDesk';
import { ErrorAlert } from '../ErrorAlert';
import { CaseStateTag } from './CaseStateTag';
import { CaseThread } from './CaseThread';
import { FilePicker } from './FilePicker';

// The participant console's desk panel: links to the desks, the incident-report form and
// the supply-chain page; the organisation's cases with replies arriving live; a case's
// thread with an answer box; supply-chain notices received.
export function OrganisationDeskPanel({
  exerciseId,
  organisationId,
  desk,
}: {
  exerciseId: number;
  organisationId: number;
  desk: OrganisationDesk;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [form] = Form.useForm<{ body: string }>();
  const { message } = AntApp.useApp();
  const [sending, setSending] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const newestFirst = [...desk.cases].reverse();

  const submit = async ({ body }: { body: string }) => {
    setSending(true);
    setError(null);
    try {
      const attachment = file ? await uploadAttachment(exerciseId, file) : null;
      await desk.answer(body, attachment?.id);
      form.resetFields();
      setFile(null);
    } catch (failure) {
      setError(failure);
    } finally {
      setSending(false);
    }
  };

  return (
    <section aria-labelledby="desk-panel-title" data-testid="organisation-desk-panel">
      <Space className="section-head" wrap>
        <Typography.Title level={2} id="desk-panel-title" className="section-title">
          {t('desks.panel.title')}
        </Typography.Title>
        <Link to={`/exercises/${exerciseId}/desks`}>{t('desks.panel.desks')}</Link>
        <Link to={`/exercises/${exerciseId}/incident-report`}>{t('desks.panel.report')}</Link>
        <Link to={`/exercises/${exerciseId}/organisations/${organisationId}/partners`}>{t('desks.panel.partners')}</Link>
      </Space>
      <ErrorAlert error={desk.error} />
      {desk.notices.map((notice) => (
        <Alert
          key={notice.id}
          type="warning"
          showIcon
          className="block-gap-top"
          data-testid="partner-notice-alert"
          title={t('desks.panel.noticeFrom', { name: notice.from.name, subject: notice.subject })}
          description={<span style={{ whiteSpace: 'pre-wrap' }}>{notice.body}</span>}
        />
      ))}
      <List
        dataSource={newestFirst}
        locale={{ emptyText: <span className="empty-text">{t('desks.panel.empty')}</span> }}
        renderItem={(item) => (
          <List.Item
            key={item.id}
            data-testid="organisation-case"
            actions={[
              <Button key="open" size="small" onClick={() => desk.open(item.id)}>
                {t('desks.panel.open')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space wrap size={6}>
                  <CaseStateTag state={item.state} />
                  <Tag className="tag-neutral">{item.kind === 'report' ? t(`desks.stage.${item.stage ?? 'first'}`) : t('desks.kind.inquiry')}</Tag>
                  <Typography.Text>{item.subject}</Typography.Text>
                </Space>
              }
              description={
                <Space wrap size={6}>
                  <span>{language === 'en' && item.desk.name.en ? item.desk.name.en : item.desk.name.ja}</span>
                  <span>{t('desks.panel.messages', { count: item.message_count })}</span>
                </Space>
              }
            />
          </List.Item>
        )}
      />
      <Drawer
        open={desk.openCase !== null}
        onClose={desk.close}
        width={560}
        title={desk.openCase?.subject}
        destroyOnHidden
      >
        {desk.openCase && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space wrap>
              <CaseStateTag state={desk.openCase.state} />
              <Typography.Text type="secondary">
                {language === 'en' && desk.openCase.desk.name.en ? desk.openCase.desk.name.en : desk.openCase.desk.name.ja}
              </Typography.Text>
            </Space>
            <CaseThread messages={desk.openCase.messages} />
            <ErrorAlert error={error} />
            <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} name="case-answer">
              <Form.Item
                name="body"
                label={t('desks.panel.answer')}
                rules={[{ required: true, message: t('desks.validation.required') }, { max: 8000 }]}
              >
                <Input.TextArea rows={3} maxLength={8000} />
              </Form.Item>
              <Form.Item label={t('desks.attachment.label')}>
                <FilePicker file={file} onChange={setFile} onTooLarge={() => void message.error(t('desks.attachment.tooLarge'))} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={sending}>
                {t('desks.panel.send')}
              </Button>
            </Form>
          </Space>
        )}
      </Drawer>
    </section>
  );
}
