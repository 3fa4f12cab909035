import { App as AntApp, Button, Card, Checkbox, Col, Form, Input, List, Radio, Row, Select, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { getReportingConfig, listIncidentReports, sendIncidentReport } from '../api/deskEndpoints';
import { uploadAttachment } from '../api/prEndpoints';
import type { IncidentReport, ReportingConfig, ReportStage, Urgency } from '../api/deskTypes';
import type { Session } from '../api/types';
import { organisationMembership } from '../auth/roles';
import { CaseStateTag } from '../components/desks/CaseStateTag';
import { DeskMarking } from '../components/desks/DeskMarking';
import { streamUrl } from '../api/liveEndpoints';
import type { StreamEvent } from '../api/liveTypes';
import { casePayload } from '../desks/caseList';
import { useEventStream } from '../live/useEventStream';
import { FilePicker } from '../components/desks/FilePicker';
import { ErrorAlert } from '../components/ErrorAlert';
import { NotFound } from '../components/NotFound';
import { localText } from '../desks/deskName';
import { deliveryOrder, missingFields, recipientsByPriority, requiredFieldsFor } from '../desks/reportForm';
import { currentLanguage } from '../i18n';

interface FormValues {
  stage: ReportStage;
  incident_id?: number;
  urgency: Urgency;
  fields: Record<string, string>;
}

// The incident-report form (情報共有, /exercises/:id/incident-report): one report to several
// recipients at once. Recipients are listed numbered in the exercise's priority order (the
// order of delivery); the core fields are marked required, and each ticked recipient's own
// required fields are marked with its name. Below: the organisation's reports and the
// state of each delivery.
export function IncidentReportPage({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const exerciseId = Number(useParams().exerciseId);
  const valid = Number.isInteger(exerciseId) && exerciseId > 0;
  const member = valid ? organisationMembership(session, exerciseId) : undefined;
  const language = currentLanguage();
  const [config, setConfig] = useState<ReportingConfig | null>(null);
  const [reports, setReports] = useState<IncidentReport[]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [sendError, setSendError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [form] = Form.useForm<FormValues>();
  const stage = Form.useWatch('stage', form) ?? 'first';

  const load = useCallback(() => {
    if (!valid || !member) return;
    getReportingConfig(exerciseId).then(setConfig, setError);
    listIncidentReports(exerciseId).then(setReports, setError);
  }, [valid, member, exerciseId]);
  useEffect(load, [load]);
  // Deliveries change state live (acknowledged, asked back, answered).
  const onEvent = useCallback(
    (event: StreamEvent) => {
      const payload = casePayload(event);
      if (!payload || payload.case.report_id === null) return;
      const next = payload.case;
      setReports((current) =>
        current.map((report) =>
          report.id !== next.report_id
            ? report
            : {
                ...report,
                deliveries: report.deliveries.map((delivery) =>
                  delivery.case_id === next.id ? { ...delivery, state: next.state, first_reply_at: next.first_reply_at } : delivery,
                ),
              },
        ),
      );
    },
    [],
  );
  useEventStream(valid && member ? streamUrl(exerciseId) : null, { onEvent, onReconnected: load });

  const required = useMemo(() => (config ? requiredFieldsFor(config, chosen) : new Map<string, string[]>()), [config, chosen]);
  const incidents = useMemo(() => {
    const finals = new Set(reports.filter((report) => report.stage === 'final').map((report) => report.incident_id));
    return reports.filter((report) => report.stage === 'first' && !finals.has(report.incident_id));
  }, [reports]);

  if (!valid) return <NotFound />;
  if (!member) {
    return (
      <Card>
        <Typography.Paragraph>{t('desks.report.notParticipant')}</Typography.Paragraph>
      </Card>
    );
  }

  const recipientLabel = (code: string) => {
    const recipient = config?.recipients.find((item) => item.code === code);
    const deskName = config?.desk_names?.[code];
    const label = recipient ? localText(recipient.label, language) : code;
    return deskName && code !== 'ipa' && code !== 'jpcert' ? `${label}（${localText(deskName, language)}）` : label;
  };

  const submit = async (values: FormValues) => {
    if (!config) return;
    const fields = Object.fromEntries(Object.entries(values.fields ?? {}).filter(([, value]) => (value ?? '').trim() !== ''));
    const missing = missingFields(config, chosen, fields);
    if (chosen.length === 0 || missing.length > 0) return;
    setSending(true);
    setSendError(null);
    try {
      const attachment = file ? await uploadAttachment(exerciseId, file) : null;
      await sendIncidentReport(exerciseId, {
        ...(attachment ? { attachment_id: attachment.id } : {}),
        stage: values.stage,
        ...(values.stage !== 'first' && values.incident_id ? { incident_id: values.incident_id } : {}),
        recipients: deliveryOrder(config, chosen),
        urgency: values.urgency,
        fields,
      });
      form.resetFields();
      setChosen([]);
      setFile(null);
      void message.success(t('desks.report.sent'));
      listIncidentReports(exerciseId).then(setReports, setError);
    } catch (failure) {
      setSendError(failure);
    } finally {
      setSending(false);
    }
  };

  const fieldRows = config?.fields ?? [];
  return (
    <>
      <Space className="section-head" wrap>
        <Typography.Title level={1} className="page-title">
          {t('desks.report.title')}
        </Typography.Title>
        <DeskMarking />
        <Link to={`/exercises/${exerciseId}/play`}>{t('desks.home.console')}</Link>
      </Space>
      <ErrorAlert error={error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card>
            <Form
              form={form}
              layout="vertical"
              name="incident-report"
              initialValues={{ stage: 'first', urgency: 'normal', fields: {} }}
              onFinish={(values) => void submit(values)}
            >
              <Form.Item name="stage" label={t('desks.report.stage')}>
                <Radio.Group>
                  {(['first', 'follow_up', 'final'] as const).map((value) => (
                    <Radio.Button key={value} value={value}>
                      {t(`desks.stage.${value}`)}
                    </Radio.Button>
                  ))}
                </Radio.Group>
              </Form.Item>
              {stage !== 'first' && (
                <Form.Item
                  name="incident_id"
                  label={t('desks.report.incident')}
                  rules={[{ required: true, message: t('desks.validation.required') }]}
                >
                  <Select
                    options={incidents.map((report) => ({
                      value: report.incident_id,
                      label: `#${report.incident_id} ${report.fields.summary ?? ''}`,
                    }))}
                  />
                </Form.Item>
              )}
              <fieldset className="report-recipients">
                <legend>{t('desks.report.recipients')}</legend>
                <Typography.Paragraph type="secondary">{t('desks.report.recipientsHelp')}</Typography.Paragraph>
                <ol data-testid="report-recipients">
                  {(config ? recipientsByPriority(config) : []).map((recipient) => (
                    <li key={recipient.code}>
                      <Checkbox
                        checked={chosen.includes(recipient.code)}
                        onChange={(event) =>
                          setChosen((current) =>
                            event.target.checked ? [...current, recipient.code] : current.filter((code) => code !== recipient.code),
                          )
                        }
                        data-testid={`recipient-${recipient.code}`}
                      >
                        {recipientLabel(recipient.code)}
                      </Checkbox>
                      {recipient.required_fields.length > 0 && (
                        <Typography.Text type="secondary" className="recipient-required">
                          {t('desks.report.requires', {
                            fields: recipient.required_fields
                              .map((code) => {
                                const field = config?.fields.find((item) => item.code === code);
                                return field ? localText(field.label, language) : code;
                              })
                              .join('、'),
                          })}
                        </Typography.Text>
                      )}
                    </li>
                  ))}
                </ol>
                {chosen.length === 0 && <Typography.Text type="danger">{t('desks.report.chooseRecipient')}</Typography.Text>}
              </fieldset>
              <Form.Item name="urgency" label={t('desks.home.urgency')}>
                <Radio.Group>
                  {(['low', 'normal', 'high'] as const).map((urgency) => (
                    <Radio.Button key={urgency} value={urgency}>
                      {t(`desks.urgency.${urgency}`)}
                    </Radio.Button>
                  ))}
                </Radio.Group>
              </Form.Item>
              <Typography.Title level={3} className="section-title">
                {t('desks.report.coreFields')}
              </Typography.Title>
              {fieldRows
                .filter((field) => field.core || required.has(field.code))
                .map((field) => (
                  <Form.Item
                    key={field.code}
                    name={['fields', field.code]}
                    label={
                      <Space size={4}>
                        {localText(field.label, language)}
                        {field.core ? (
                          <Tag color="red">{t('desks.report.core')}</Tag>
                        ) : (
                          <Tag className="tag-warn">
                            {t('desks.report.requiredBy', { names: (required.get(field.code) ?? []).map(recipientLabel).join('、') })}
                          </Tag>
                        )}
                      </Space>
                    }
                    rules={[{ required: true, whitespace: true, message: t('desks.validation.required') }, { max: 4000 }]}
                  >
                    <Input.TextArea rows={field.code === 'summary' ? 3 : 2} maxLength={4000} />
                  </Form.Item>
                ))}
              <Typography.Title level={3} className="section-title">
                {t('desks.report.optionalFields')}
              </Typography.Title>
              {fieldRows
                .filter((field) => !field.core && !required.has(field.code))
                .map((field) => (
                  <Form.Item key={field.code} name={['fields', field.code]} label={localText(field.label, language)} rules={[{ max: 4000 }]}>
                    <Input.TextArea rows={1} maxLength={4000} />
                  </Form.Item>
                ))}
              <Form.Item label={t('desks.attachment.label')}>
                <FilePicker file={file} onChange={setFile} onTooLarge={() => void message.error(t('desks.attachment.tooLarge'))} />
              </Form.Item>
              <ErrorAlert error={sendError} />
              <Button type="primary" htmlType="submit" loading={sending} disabled={chosen.length === 0} className="block-gap-top">
                {t('desks.report.send')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('desks.report.sentReports')}>
            <List
              dataSource={reports}
              locale={{ emptyText: <span className="empty-text">{t('desks.report.noReports')}</span> }}
              renderItem={(report) => (
                <List.Item key={report.id}>
                  <Space direction="vertical" size={2}>
                    <Space wrap>
                      <Tag className="tag-neutral">{t(`desks.stage.${report.stage}`)}</Tag>
                      <Typography.Text>#{report.incident_id} {report.fields.summary}</Typography.Text>
                    </Space>
                    <ol className="report-deliveries">
                      {report.deliveries.map((delivery) => (
                        <li key={delivery.case_id}>
                          {localText(delivery.desk.name, language)} <CaseStateTag state={delivery.state} />
                        </li>
                      ))}
                    </ol>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
