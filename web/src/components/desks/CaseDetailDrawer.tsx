import { Button, Descriptions, Drawer, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseAction, CaseDetail, ReportField, StaffMember } from '../../api/deskTypes';
import { localText } from '../../desks/deskName';
import { currentLanguage } from '../../i18n';
import { ErrorAlert } from '../ErrorAlert';
import { CaseStateTag } from './CaseStateTag';
import { CaseThread } from './CaseThread';

type ReplyKind = 'reply' | 'ask_back' | 'acknowledge' | 'note';

interface Props {
  detail: CaseDetail | null;
  staff: StaffMember[];
  fields: ReportField[];
  myUserId: number;
  canAct: boolean;
  onClose: () => void;
  onAct: (action: CaseAction, body?: string, assigneeUserId?: number) => Promise<void>;
}

// One case in the desk queue: the organisation, the report (for report deliveries), the
// thread with internal notes, and the staff actions (claim, reply with templates, ask back,
// acknowledge, internal note, hand-over, close).
export function CaseDetailDrawer({ detail, staff, fields, myUserId, canAct, onClose, onAct }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [form] = Form.useForm<{ kind: ReplyKind; body: string }>();
  const [handoverTo, setHandoverTo] = useState<number | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async (action: CaseAction, body?: string, assignee?: number) => {
    setBusy(true);
    setError(null);
    try {
      await onAct(action, body, assignee);
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const submit = async (values: { kind: ReplyKind; body?: string }) => {
    if (await run(values.kind, values.body ?? '')) form.setFieldValue('body', '');
  };

  const closed = detail?.state === 'closed';
  const fieldLabel = (code: string) => {
    const field = fields.find((item) => item.code === code);
    return field ? localText(field.label, language) : code;
  };

  return (
    <Drawer open={detail !== null} onClose={onClose} size={640} title={detail?.subject} destroyOnHidden>
      {detail && (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="case-detail">
          <Space wrap>
            <CaseStateTag state={detail.state} />
            <Tag className="tag-neutral">{localText(detail.desk.name, language)}</Tag>
            {detail.kind === 'report' && (
              <Tag className="tag-info">
                {t(`desks.stage.${detail.stage ?? 'first'}`)} · {t('desks.queue.deliveryOrder', { order: detail.delivery_order })}
              </Tag>
            )}
            <Typography.Text>
              {detail.assignee ? t('desks.queue.assignedTo', { name: detail.assignee.name }) : t('desks.queue.unassigned')}
            </Typography.Text>
          </Space>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('desks.queue.organisation')}>{detail.organisation.name}</Descriptions.Item>
            <Descriptions.Item label={t('desks.queue.contact')}>
              {[detail.contact_name, detail.contact_detail].filter(Boolean).join(' / ') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('desks.queue.received')}>
              {new Date(detail.created_at_us / 1000).toLocaleString()}
              {detail.created_scenario_time ? ` · ${t('desks.scenarioTime', { time: detail.created_scenario_time })}` : ''}
            </Descriptions.Item>
          </Descriptions>
          {detail.report && (
            <Descriptions size="small" column={1} bordered title={t('desks.queue.reportFields')}>
              {Object.entries(detail.report.fields)
                .filter(([, value]) => value.trim() !== '')
                .map(([code, value]) => (
                  <Descriptions.Item key={code} label={fieldLabel(code)}>
                    <span style={{ whiteSpace: 'pre-wrap' }}>{value}</span>
                  </Descriptions.Item>
                ))}
            </Descriptions>
          )}
          {detail.report?.attachment && (
            <a href={detail.report.attachment.url} target="_blank" rel="noopener noreferrer" data-testid="report-attachment">
              {t('desks.attachment.openPlain')}
            </a>
          )}
          <CaseThread messages={detail.messages} />
          <ErrorAlert error={error} />
          {canAct && (
            <>
              <Space wrap>
                {detail.assignee?.user_id !== myUserId && !closed && (
                  <Button onClick={() => void run('claim')} loading={busy} disabled={detail.state === 'claimed'}>
                    {t('desks.queue.claim')}
                  </Button>
                )}
                {!closed && (
                  <Button danger onClick={() => void run('close')} loading={busy}>
                    {t('desks.queue.close')}
                  </Button>
                )}
              </Space>
              <Form
                form={form}
                layout="vertical"
                name="case-reply"
                initialValues={{ kind: detail.kind === 'report' ? 'acknowledge' : 'reply' }}
                onFinish={(values) => void submit(values)}
              >
                <Form.Item name="kind" label={t('desks.queue.messageKind')}>
                  <Select
                    options={(['reply', 'ask_back', 'acknowledge', 'note'] as const).map((kind) => ({
                      value: kind,
                      label: t(`desks.messageKind.${kind}`),
                    }))}
                  />
                </Form.Item>
                {detail.templates.length > 0 && (
                  <Form.Item label={t('desks.queue.template')}>
                    <Select
                      placeholder={t('desks.queue.templatePlaceholder')}
                      options={detail.templates.map((item) => ({ value: item.id, label: item.title }))}
                      onChange={(id: number) =>
                        form.setFieldValue('body', detail.templates.find((item) => item.id === id)?.body ?? '')
                      }
                    />
                  </Form.Item>
                )}
                <Form.Item
                  name="body"
                  label={t('desks.queue.body')}
                  dependencies={['kind']}
                  rules={[
                    ({ getFieldValue }) => ({
                      validator: (_, value: string | undefined) =>
                        getFieldValue('kind') === 'acknowledge' || (value ?? '').trim() !== ''
                          ? Promise.resolve()
                          : Promise.reject(new Error(t('desks.validation.required'))),
                    }),
                    { max: 8000 },
                  ]}
                >
                  <Input.TextArea rows={4} maxLength={8000} />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={busy} disabled={closed}>
                  {t('desks.queue.send')}
                </Button>
              </Form>
              {!closed && (
                <Space wrap>
                  <Select
                    style={{ minWidth: 220 }}
                    placeholder={t('desks.queue.handoverTo')}
                    aria-label={t('desks.queue.handoverTo')}
                    value={handoverTo}
                    onChange={setHandoverTo}
                    options={staff
                      .filter((member) => member.user_id !== detail.assignee?.user_id)
                      .map((member) => ({ value: member.user_id, label: `${member.name} (${t(`desks.staffRole.${member.role}`)})` }))}
                  />
                  <Button disabled={!handoverTo} loading={busy} onClick={() => void run('handover', '', handoverTo)}>
                    {t('desks.queue.handover')}
                  </Button>
                </Space>
              )}
            </>
          )}
        </Space>
      )}
    </Drawer>
  );
}
