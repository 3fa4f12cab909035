import { App as AntApp, Button, Card, Col, Form, Input, List, Popconfirm, Row, Select, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import {
  declarePartner,
  listPartnerCandidates,
  listPartnerNotices,
  listPartners,
  removePartner,
  sendPartnerNotice,
} from '../api/deskEndpoints';
import type { Partner, PartnerNotice, PartnerOrganisation } from '../api/deskTypes';
import type { Session } from '../api/types';
import { isOrganiser, isOrgLeadOf, organisationMembership } from '../auth/roles';
import { DeskMarking } from '../components/desks/DeskMarking';
import { ErrorAlert } from '../components/ErrorAlert';
import { NotFound } from '../components/NotFound';
import { isApiError } from '../api/client';

// Supply-chain partners of one organisation (/exercises/:id/organisations/:orgId/partners):
// the partners it declared (org lead: add, remove), the organisations that declared it,
// notices to all or selected partners, and the notices sent and received.
export function PartnersPage({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const params = useParams();
  const exerciseId = Number(params.exerciseId);
  const organisationId = Number(params.organisationId);
  const valid = Number.isInteger(exerciseId) && exerciseId > 0 && Number.isInteger(organisationId) && organisationId > 0;
  const canEdit = valid && (isOrganiser(session, exerciseId) || isOrgLeadOf(session, exerciseId, organisationId));
  const canNotify = valid && organisationMembership(session, exerciseId)?.organisation_id === organisationId;
  const [partners, setPartners] = useState<{ declared: Partner[]; declared_by: Partner[] } | null>(null);
  const [notices, setNotices] = useState<{ sent: PartnerNotice[]; received: PartnerNotice[] } | null>(null);
  const [candidates, setCandidates] = useState<PartnerOrganisation[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [declareForm] = Form.useForm<{ partner_organisation_id: number; relation: string; service: string }>();
  const [noticeForm] = Form.useForm<{ partner_organisation_ids: number[]; subject: string; body: string }>();

  const load = useCallback(() => {
    if (!valid) return;
    listPartners(exerciseId, organisationId).then(setPartners, setError);
    listPartnerNotices(exerciseId, organisationId).then(setNotices, setError);
  }, [valid, exerciseId, organisationId]);
  useEffect(load, [load]);
  useEffect(() => {
    if (canEdit) listPartnerCandidates(exerciseId, organisationId).then(setCandidates, setError);
  }, [canEdit, exerciseId, organisationId]);

  if (!valid || (isApiError(error) && error.code === 'not_found')) return <NotFound />;

  const declare = async (values: { partner_organisation_id: number; relation: string; service?: string }) => {
    try {
      await declarePartner(exerciseId, organisationId, { ...values, service: values.service ?? '' });
      declareForm.resetFields();
      setError(null);
      load();
    } catch (failure) {
      setError(failure);
    }
  };

  const notify = async (values: { partner_organisation_ids?: number[]; subject: string; body: string }) => {
    try {
      await sendPartnerNotice(exerciseId, organisationId, { ...values, partner_organisation_ids: values.partner_organisation_ids ?? [] });
      noticeForm.resetFields();
      setError(null);
      void message.success(t('desks.partners.noticeSent'));
      load();
    } catch (failure) {
      setError(failure);
    }
  };

  const declaredOrganisations = [
    ...new Map((partners?.declared ?? []).map((partner) => [partner.organisation.id, partner.organisation])).values(),
  ];
  const partnerItem = (partner: Partner, removable: boolean) => (
    <List.Item
      key={partner.id}
      actions={
        removable
          ? [
              <Popconfirm key="remove" title={t('desks.partners.removeConfirm')} onConfirm={() => void removePartner(exerciseId, organisationId, partner.id).then(load, setError)}>
                <Button size="small" danger>
                  {t('desks.partners.remove')}
                </Button>
              </Popconfirm>,
            ]
          : []
      }
    >
      <Space wrap>
        <Typography.Text strong>{partner.organisation.name}</Typography.Text>
        <Tag className="tag-neutral">{t(`desks.partners.relation.${partner.relation}`)}</Tag>
        {partner.service && <Typography.Text type="secondary">{partner.service}</Typography.Text>}
      </Space>
    </List.Item>
  );
  const noticeItem = (notice: PartnerNotice) => (
    <List.Item key={notice.id} data-testid="partner-notice">
      <Space direction="vertical" size={2}>
        <Typography.Text strong>{notice.subject}</Typography.Text>
        <Typography.Text type="secondary">
          {t('desks.partners.fromTo', { from: notice.from.name, to: notice.to.map((item) => item.name).join('、') })} ·{' '}
          {new Date(notice.created_at).toLocaleString()}
          {notice.created_scenario_time ? ` · ${t('desks.scenarioTime', { time: notice.created_scenario_time })}` : ''}
        </Typography.Text>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{notice.body}</Typography.Paragraph>
      </Space>
    </List.Item>
  );

  return (
    <>
      <Space className="section-head" wrap>
        <Typography.Title level={1} className="page-title">
          {t('desks.partners.title')}
        </Typography.Title>
        <DeskMarking />
        {canNotify && <Link to={`/exercises/${exerciseId}/play`}>{t('desks.home.console')}</Link>}
      </Space>
      <Typography.Paragraph type="secondary">{t('desks.partners.intro')}</Typography.Paragraph>
      <ErrorAlert error={error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('desks.partners.declared')}>
            <List dataSource={partners?.declared ?? []} locale={{ emptyText: <span className="empty-text">{t('desks.partners.none')}</span> }} renderItem={(p) => partnerItem(p, canEdit)} />
            {canEdit && (
              <Form form={declareForm} layout="vertical" name="declare-partner" onFinish={(values) => void declare(values)} initialValues={{ relation: 'supplier' }}>
                <Form.Item name="partner_organisation_id" label={t('desks.partners.organisation')} rules={[{ required: true, message: t('desks.validation.required') }]}>
                  <Select showSearch optionFilterProp="label" options={candidates.map((c) => ({ value: c.id, label: c.name }))} />
                </Form.Item>
                <Form.Item name="relation" label={t('desks.partners.relationLabel')}>
                  <Select
                    options={(['supplier', 'customer'] as const).map((relation) => ({
                      value: relation,
                      label: t(`desks.partners.relation.${relation}`),
                    }))}
                  />
                </Form.Item>
                <Form.Item name="service" label={t('desks.partners.service')} rules={[{ max: 200 }]}>
                  <Input maxLength={200} />
                </Form.Item>
                <Button htmlType="submit">{t('desks.partners.declare')}</Button>
              </Form>
            )}
          </Card>
          <Card title={t('desks.partners.declaredBy')} className="block-gap-top">
            <List dataSource={partners?.declared_by ?? []} locale={{ emptyText: <span className="empty-text">{t('desks.partners.none')}</span> }} renderItem={(p) => partnerItem(p, false)} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          {canNotify && (
            <Card title={t('desks.partners.notify')}>
              <Form form={noticeForm} layout="vertical" name="partner-notice" onFinish={(values) => void notify(values)}>
                <Form.Item name="partner_organisation_ids" label={t('desks.partners.recipients')} extra={t('desks.partners.recipientsHelp')}>
                  <Select mode="multiple" options={declaredOrganisations.map((o) => ({ value: o.id, label: o.name }))} />
                </Form.Item>
                <Form.Item name="subject" label={t('desks.home.subject')} rules={[{ required: true, message: t('desks.validation.required') }, { max: 200 }]}>
                  <Input maxLength={200} />
                </Form.Item>
                <Form.Item name="body" label={t('desks.home.body')} rules={[{ required: true, message: t('desks.validation.required') }, { max: 8000 }]}>
                  <Input.TextArea rows={4} maxLength={8000} />
                </Form.Item>
                <Button type="primary" htmlType="submit" disabled={declaredOrganisations.length === 0}>
                  {t('desks.partners.send')}
                </Button>
              </Form>
            </Card>
          )}
          <Card title={t('desks.partners.received')} className="block-gap-top">
            <List dataSource={notices?.received ?? []} locale={{ emptyText: <span className="empty-text">{t('desks.partners.noNotices')}</span> }} renderItem={noticeItem} />
          </Card>
          <Card title={t('desks.partners.sent')} className="block-gap-top">
            <List dataSource={notices?.sent ?? []} locale={{ emptyText: <span className="empty-text">{t('desks.partners.noNotices')}</span> }} renderItem={noticeItem} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
