import { App as AntApp, Button, Card, Col, Form, Input, List, Radio, Row, Select, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { getDesk, sendInquiry } from '../api/deskEndpoints';
import { uploadAttachment } from '../api/prEndpoints';
import type { Desk, InquiryInput } from '../api/deskTypes';
import type { Session } from '../api/types';
import { organisationMembership } from '../auth/roles';
import { DeskMarking } from '../components/desks/DeskMarking';
import { FilePicker } from '../components/desks/FilePicker';
import { ErrorAlert } from '../components/ErrorAlert';
import { NotFound } from '../components/NotFound';
import { localText } from '../desks/deskName';
import { currentLanguage } from '../i18n';
import { isApiError } from '../api/client';
import { streamUrl } from '../api/liveEndpoints';
import type { StreamEvent } from '../api/liveTypes';
import { useEventStream } from '../live/useEventStream';

// One mock agency homepage (/exercises/:id/desks/:deskId): its public notices and, for
// organisation people, the inquiry/consultation form. Replies arrive in the console.
export function DeskHomePage({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const params = useParams();
  const exerciseId = Number(params.exerciseId);
  const deskId = Number(params.deskId);
  const valid = Number.isInteger(exerciseId) && exerciseId > 0 && Number.isInteger(deskId) && deskId > 0;
  const member = valid ? organisationMembership(session, exerciseId) : undefined;
  const [desk, setDesk] = useState<Desk | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [sendError, setSendError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [form] = Form.useForm<InquiryInput>();
  const language = currentLanguage();

  const load = useCallback(() => {
    if (valid) getDesk(exerciseId, deskId).then(setDesk, setError);
  }, [valid, exerciseId, deskId]);
  useEffect(load, [load]);
  // Notices published or changed by the organiser appear without a reload.
  const onEvent = useCallback(
    (event: StreamEvent) => {
      if (event.type === 'desk.updated' && (event.payload as { desk_id?: number } | null)?.desk_id === deskId) load();
    },
    [deskId, load],
  );
  useEventStream(valid ? streamUrl(exerciseId) : null, { onEvent, onReconnected: load });
  // The first category is preselected once the desk has loaded (the form mounts before).
  useEffect(() => {
    if (desk && member && !form.getFieldValue('category')) form.setFieldValue('category', desk.categories[0]?.code);
  }, [desk, member, form]);

  if (!valid || (isApiError(error) && error.code === 'not_found')) return <NotFound />;

  const submit = async (values: InquiryInput) => {
    setSending(true);
    setSendError(null);
    try {
      const attachment = file ? await uploadAttachment(exerciseId, file) : null;
      await sendInquiry(exerciseId, deskId, {
        ...values,
        contact_name: values.contact_name ?? '',
        contact_detail: values.contact_detail ?? '',
        ...(attachment ? { attachment_id: attachment.id } : {}),
      });
      form.resetFields();
      setFile(null);
      void message.success(t('desks.home.sent'));
    } catch (failure) {
      setSendError(failure);
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <Space className="section-head" wrap>
        <Typography.Title level={1} className="page-title" data-testid="desk-name">
          {desk ? localText(desk.name, language) : ''}
        </Typography.Title>
        <DeskMarking />
        <Link to={`/exercises/${exerciseId}/desks`}>{t('desks.home.allDesks')}</Link>
        {member && <Link to={`/exercises/${exerciseId}/play`}>{t('desks.home.console')}</Link>}
      </Space>
      <ErrorAlert error={error} />
      {desk?.intro && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{desk.intro}</Typography.Paragraph>}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('desks.home.notices')}>
            <List
              dataSource={desk?.notices ?? []}
              locale={{ emptyText: <span className="empty-text">{t('desks.home.noNotices')}</span> }}
              renderItem={(notice, index) => (
                <List.Item key={index}>
                  <List.Item.Meta
                    title={notice.title}
                    description={<span style={{ whiteSpace: 'pre-wrap' }}>{notice.body}</span>}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('desks.home.formTitle')}>
            {!member ? (
              <Typography.Paragraph type="secondary">{t('desks.home.staffNoForm')}</Typography.Paragraph>
            ) : (
              <Form
                form={form}
                layout="vertical"
                name="inquiry"
                initialValues={{ urgency: 'normal', category: desk?.categories[0]?.code }}
                onFinish={(values) => void submit(values)}
              >
                <Form.Item name="category" label={t('desks.home.category')} rules={[{ required: true, message: t('desks.validation.required') }]}>
                  <Select
                    options={(desk?.categories ?? []).map((category) => ({
                      value: category.code,
                      label: language === 'en' && category.en ? category.en : category.ja,
                    }))}
                  />
                </Form.Item>
                <Form.Item name="urgency" label={t('desks.home.urgency')}>
                  <Radio.Group>
                    {(['low', 'normal', 'high'] as const).map((urgency) => (
                      <Radio.Button key={urgency} value={urgency}>
                        {t(`desks.urgency.${urgency}`)}
                      </Radio.Button>
                    ))}
                  </Radio.Group>
                </Form.Item>
                <Form.Item name="subject" label={t('desks.home.subject')} rules={[{ required: true, message: t('desks.validation.required') }, { max: 200 }]}>
                  <Input maxLength={200} />
                </Form.Item>
                <Form.Item name="body" label={t('desks.home.body')} rules={[{ required: true, message: t('desks.validation.required') }, { max: 8000 }]}>
                  <Input.TextArea rows={6} maxLength={8000} />
                </Form.Item>
                <Form.Item name="contact_name" label={t('desks.home.contactName')} rules={[{ max: 100 }]}>
                  <Input maxLength={100} />
                </Form.Item>
                <Form.Item name="contact_detail" label={t('desks.home.contactDetail')} rules={[{ max: 200 }]}>
                  <Input maxLength={200} />
                </Form.Item>
                <Form.Item label={t('desks.attachment.label')}>
                  <FilePicker file={file} onChange={setFile} onTooLarge={() => void message.error(t('desks.attachment.tooLarge'))} />
                </Form.Item>
                <ErrorAlert error={sendError} />
                <Button type="primary" htmlType="submit" loading={sending} className="block-gap-top">
                  {t('desks.home.send')}
                </Button>
              </Form>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
