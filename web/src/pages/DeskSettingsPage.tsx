import { App as AntApp, Button, Card, Collapse, Form, Input, Select, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import {
  createDesk,
  deleteDesk,
  getReportingConfig,
  listDesks,
  listDeskStaff,
  putReportingConfig,
  updateDesk,
  applyDefaultDesks,
} from '../api/deskEndpoints';
import type { Desk, DeskKind, ReportingConfig, StaffMember } from '../api/deskTypes';
import type { Session } from '../api/types';
import { useReference } from '../api/useReference';
import { isOrganiser } from '../auth/roles';
import { DeskEditor } from '../components/desks/DeskEditor';
import { ReportingConfigEditor } from '../components/desks/ReportingConfigEditor';
import { ErrorAlert } from '../components/ErrorAlert';
import { NotFound } from '../components/NotFound';
import { localText } from '../desks/deskName';
import { currentLanguage } from '../i18n';
import { localName } from '../i18n/localName';

// The organiser's desk configuration (/exercises/:id/desk-settings): the default agency
// desks, ministry and CEPTOAR desks, each desk's homepage and staff, and the reporting
// configuration (recipients' priority and required fields).
export function DeskSettingsPage({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const exerciseId = Number(useParams().exerciseId);
  const valid = Number.isInteger(exerciseId) && exerciseId > 0;
  const organiser = valid && isOrganiser(session, exerciseId);
  const language = currentLanguage();
  const { reference } = useReference();
  const [desks, setDesks] = useState<Desk[]>([]);
  const [staff, setStaff] = useState<StaffMember[]>([]);
  const [config, setConfig] = useState<ReportingConfig | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [addForm] = Form.useForm<{ kind: DeskKind; code: string; name_ja: string }>();
  const kind = Form.useWatch('kind', addForm) ?? 'ministry';

  const load = useCallback(() => {
    if (!organiser) return;
    listDesks(exerciseId).then(setDesks, setError);
    listDeskStaff(exerciseId).then(setStaff, setError);
    getReportingConfig(exerciseId).then(setConfig, setError);
  }, [organiser, exerciseId]);
  useEffect(load, [load]);

  if (!valid) return <NotFound />;
  if (!organiser) {
    return (
      <Card>
        <Typography.Paragraph>{t('desks.settings.notOrganiser')}</Typography.Paragraph>
      </Card>
    );
  }

  const guard = async (work: () => Promise<unknown>, success: string) => {
    try {
      await work();
      setError(null);
      void message.success(success);
      load();
    } catch (failure) {
      setError(failure);
    }
  };

  const codeOptions =
    kind === 'ministry'
      ? (reference?.ministries ?? []).map((ministry) => ({ value: ministry.code, label: localName(ministry, language) }))
      : kind === 'ceptoar'
        ? (reference?.sectors ?? []).map((sector) => ({ value: sector.code, label: localName(sector, language) }))
        : ['ipa', 'jpcert', 'npa', 'mod', 'nict'].map((code) => ({ value: code, label: code }));

  return (
    <>
      <Space className="section-head" wrap>
        <Typography.Title level={1} className="page-title">
          {t('desks.settings.title')}
        </Typography.Title>
        <Link to={`/exercises/${exerciseId}/queue`}>{t('desks.queue.title')}</Link>
      </Space>
      <ErrorAlert error={error} />
      <Card title={t('desks.settings.desks')}>
        <Space className="block-gap-bottom" wrap>
          <Button onClick={() => void guard(() => applyDefaultDesks(exerciseId), t('desks.settings.saved'))}>
            {t('desks.settings.useDefaults')}
          </Button>
        </Space>
        <Collapse
          items={desks.map((desk) => ({
            key: desk.id,
            label: `${localText(desk.name, language)} (${t(`desks.deskKind.${desk.kind}`)})`,
            children: (
              <DeskEditor
                desk={desk}
                staff={staff}
                onSave={(input) => guard(() => updateDesk(exerciseId, desk.id, input), t('desks.settings.saved'))}
                onDelete={() => guard(() => deleteDesk(exerciseId, desk.id), t('desks.settings.deleted'))}
              />
            ),
          }))}
        />
        <Form
          form={addForm}
          layout="inline"
          name="add-desk"
          className="block-gap-top"
          initialValues={{ kind: 'ministry' }}
          onFinish={(values) =>
            void guard(
              () => createDesk(exerciseId, { ...values, name_en: '', intro: '', categories: [], notices: [], staff_user_ids: [] }),
              t('desks.settings.saved'),
            ).then(() => addForm.resetFields())
          }
        >
          <Form.Item name="kind" label={t('desks.settings.kind')}>
            <Select
              style={{ minWidth: 140 }}
              onChange={() => addForm.setFieldValue('code', undefined)}
              options={(['agency', 'ministry', 'ceptoar'] as const).map((value) => ({ value, label: t(`desks.deskKind.${value}`) }))}
            />
          </Form.Item>
          <Form.Item name="code" label={t('desks.settings.code')} rules={[{ required: true, message: t('desks.validation.required') }]}>
            <Select style={{ minWidth: 180 }} options={codeOptions} />
          </Form.Item>
          <Form.Item name="name_ja" label={t('desks.settings.nameJa')} rules={[{ required: true, message: t('desks.validation.required') }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Button htmlType="submit">{t('desks.settings.addDesk')}</Button>
        </Form>
      </Card>
      <Card title={t('desks.settings.reporting')} className="block-gap-top">
        <Typography.Paragraph type="secondary">{t('desks.settings.reportingHelp')}</Typography.Paragraph>
        {config && (
          <ReportingConfigEditor
            config={config}
            onSave={(recipients) => guard(() => putReportingConfig(exerciseId, recipients), t('desks.settings.saved'))}
          />
        )}
      </Card>
    </>
  );
}
