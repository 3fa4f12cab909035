import { Button, Card, Popconfirm, Select, Space, Table, Typography, message } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { getCompletion, sendReminders } from '../api/evaluationEndpoints';
import { INSTRUMENTS, type Completion, type CompletionRow, type Instrument, type SectorCompletion } from '../api/evaluationTypes';
import type { Session } from '../api/types';
import { useReference } from '../api/useReference';
import { isOrganiser, rolesIn } from '../auth/roles';
import { ErrorAlert } from '../components/ErrorAlert';
import { NotFound } from '../components/NotFound';
import { StatusTag } from '../components/evaluation/StatusLine';
import { WindowsForm } from '../components/evaluation/WindowsForm';
import { timestamp } from '../components/labels';
import { currentLanguage } from '../i18n';

// The organiser's (and ministries', controllers', observers') view of who has answered each
// instrument, per sector; the organiser reminds those who have not and sets the windows.
export function EvaluationCompletionPage({ session }: { session: Session }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const params = useParams();
  const exerciseId = Number(params.exerciseId);
  const valid = Number.isInteger(exerciseId) && exerciseId > 0;
  const organiser = isOrganiser(session, exerciseId);
  const roles = rolesIn(session, exerciseId);
  const allowed = organiser || roles.some((role) => ['controller', 'observer', 'ministry'].includes(role));
  const { reference } = useReference();
  const [instrument, setInstrument] = useState<Instrument>('readiness_before');
  const [sector, setSector] = useState<string | undefined>(undefined);
  const [completion, setCompletion] = useState<Completion | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    if (!valid || !allowed) return;
    getCompletion(exerciseId, instrument, sector).then(
      (answer) => {
        setCompletion(answer);
        setError(null);
      },
      setError,
    );
  }, [valid, allowed, exerciseId, instrument, sector]);
  useEffect(load, [load]);

  if (!valid || !allowed) return <NotFound />;
  const sectorName = (code: string) => {
    const found = reference?.sectors.find((candidate) => candidate.code === code);
    return found ? (language === 'en' ? found.name_en : found.name_ja) : code;
  };
  const notSubmitted = completion?.organisations.filter((row) => row.status !== 'submitted').length ?? 0;

  const remind = async () => {
    setBusy(true);
    try {
      const answer = await sendReminders(exerciseId, instrument, sector);
      void message.success(t('evaluation.completion.reminded', { count: answer.reminded }));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Card>
        <Space className="section-head" wrap>
          <Typography.Title level={1} className="page-title">
            {t('evaluation.completion.title')}
          </Typography.Title>
          <Link to={`/exercises/${exerciseId}`}>{t('evaluation.completion.back')}</Link>
        </Space>
        <Space wrap className="block-gap">
          <Select
            aria-label={t('evaluation.completion.instrument')}
            value={instrument}
            className="evaluation-select"
            onChange={(value: Instrument) => setInstrument(value)}
            options={INSTRUMENTS.map((value) => ({ value, label: t(`evaluation.instrument.${value}`) }))}
            data-testid="completion-instrument"
          />
          <Select
            aria-label={t('evaluation.completion.sector')}
            allowClear
            placeholder={t('evaluation.completion.allSectors')}
            value={sector}
            className="evaluation-select"
            onChange={(value: string | undefined) => setSector(value)}
            options={(reference?.sectors ?? []).map((candidate) => ({ value: candidate.code, label: sectorName(candidate.code) }))}
          />
          {organiser && (
            <Popconfirm
              title={t('evaluation.completion.remindConfirm', { count: notSubmitted })}
              onConfirm={() => void remind()}
              okText={t('evaluation.completion.remind')}
              cancelText={t('evaluation.cancel')}
            >
              <Button type="primary" loading={busy} disabled={notSubmitted === 0} data-testid="completion-remind">
                {t('evaluation.completion.remind')}
              </Button>
            </Popconfirm>
          )}
        </Space>
        <ErrorAlert error={error} />
        <Table<SectorCompletion>
          rowKey="sector_code"
          size="small"
          pagination={false}
          dataSource={completion?.sectors ?? []}
          data-testid="completion-sectors"
          columns={[
            { title: t('evaluation.completion.sector'), dataIndex: 'sector_code', render: (code: string) => sectorName(code) },
            { title: t('evaluation.completion.organisations'), dataIndex: 'organisations' },
            { title: t('evaluation.status.submitted'), dataIndex: 'submitted' },
            { title: t('evaluation.status.draft'), dataIndex: 'draft' },
            { title: t('evaluation.status.not_started'), dataIndex: 'not_started' },
          ]}
        />
        <Typography.Title level={2} className="section-title block-gap-top">
          {t('evaluation.completion.byOrganisation')}
        </Typography.Title>
        <Table<CompletionRow>
          rowKey="organisation_id"
          size="small"
          dataSource={completion?.organisations ?? []}
          data-testid="completion-organisations"
          columns={[
            {
              title: t('evaluation.completion.organisation'),
              dataIndex: 'name',
              render: (name: string, row) =>
                organiser || roles.includes('ministry') ? (
                  <Link to={`/exercises/${exerciseId}/organisations/${row.organisation_id}`}>{name}</Link>
                ) : (
                  name
                ),
            },
            { title: t('evaluation.completion.sector'), dataIndex: 'sector_code', render: (code: string) => sectorName(code) },
            { title: t('evaluation.completion.status'), dataIndex: 'status', render: (_: unknown, row) => <StatusTag status={row.status} /> },
            {
              title: t('evaluation.completion.submittedAt'),
              dataIndex: 'submitted_at',
              render: (value: string | null) => timestamp(value, language),
            },
          ]}
        />
      </Card>
      <Card className="block-gap-top">
        <WindowsForm exerciseId={exerciseId} canEdit={organiser} />
      </Card>
    </>
  );
}
