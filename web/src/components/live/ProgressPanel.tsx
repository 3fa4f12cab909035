import { Form, Select, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { getProgress } from '../../api/liveEndpoints';
import type { ProgressItem, ProgressUpdatedPayload } from '../../api/liveTypes';
import { PARTICIPATION_MODES, type Reference } from '../../api/types';
import { currentLanguage } from '../../i18n';
import { localName } from '../../i18n/localName';
import { applyProgressUpdate } from '../../live/progress';
import { ErrorAlert } from '../ErrorAlert';
import { sectorLabel, timestamp } from '../labels';

interface Props {
  exerciseId: number;
  reference: Reference | null;
  // The latest progress.updated event (applied to the rows shown).
  update: { seq: number; payload: ProgressUpdatedPayload } | null;
  // Bumped to reload (after a reconnect).
  reloadToken: number;
}

const PAGE_SIZE = 50;
const REFRESH_MS = 15_000; // online counts are not pushed: refreshed on this period

// Live progress per organisation: online participants, injects acknowledged, action
// entries, last activity; filter by sector and participation mode.
export function ProgressPanel({ exerciseId, reference, update, reloadToken }: Props) {
  const { t } = useTranslation();
  const [sector, setSector] = useState<string | undefined>();
  const [mode, setMode] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [items, setItems] = useState<ProgressItem[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const language = currentLanguage();

  const load = useCallback(
    (signal?: AbortSignal) => {
      getProgress(exerciseId, { sector, mode, page, page_size: PAGE_SIZE }, signal).then(
        (answer) => {
          setItems(answer.items);
          setTotal(answer.total);
          setError(null);
          setLoading(false);
        },
        (failure: unknown) => {
          if (failure instanceof DOMException && failure.name === 'AbortError') return;
          setError(failure);
          setLoading(false);
        },
      );
    },
    [exerciseId, sector, mode, page],
  );

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal);
    const timer = setInterval(() => load(), REFRESH_MS);
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, [load, reloadToken]);

  useEffect(() => {
    if (update) setItems((current) => applyProgressUpdate(current, update.payload));
  }, [update]);

  return (
    <section aria-labelledby="progress-heading">
      <Space className="section-head" wrap>
        <Typography.Title level={2} id="progress-heading" className="section-title">
          {t('progress.title')}
        </Typography.Title>
        <Typography.Text data-testid="progress-total">{t('progress.total', { count: total })}</Typography.Text>
      </Space>
      <Form layout="inline" colon={false} className="filters" role="search">
        <Form.Item label={t('organisations.filterSector')} htmlFor="progress-filter-sector">
          <Select
            id="progress-filter-sector"
            placeholder={t('organisations.all')}
            className="select-wide"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={sector}
            onChange={(value?: string) => {
              setSector(value);
              setPage(1);
            }}
            options={(reference?.sectors ?? []).map((s) => ({ value: s.code, label: localName(s, language) }))}
          />
        </Form.Item>
        <Form.Item label={t('organisations.filterMode')} htmlFor="progress-filter-mode">
          <Select
            id="progress-filter-mode"
            placeholder={t('organisations.all')}
            className="select-wide"
            allowClear
            value={mode}
            onChange={(value?: string) => {
              setMode(value);
              setPage(1);
            }}
            options={PARTICIPATION_MODES.map((m) => ({ value: m, label: t(`mode.${m}`) }))}
          />
        </Form.Item>
      </Form>
      <ErrorAlert error={error} />
      <Table<ProgressItem>
        aria-label={t('progress.label')}
        data-testid="progress-table"
        size="small"
        rowKey="organisation_id"
        loading={loading}
        dataSource={items}
        pagination={{ current: page, pageSize: PAGE_SIZE, total, showSizeChanger: false, onChange: setPage }}
        columns={[
          {
            title: t('progress.organisation'),
            dataIndex: 'name',
            render: (name: string, item) => <Link to={`/exercises/${exerciseId}/organisations/${item.organisation_id}`}>{name}</Link>,
          },
          { title: t('organisations.filterSector'), key: 'sector', width: 140, render: (_, item) => sectorLabel(reference, item.sector_code, language) },
          { title: t('organisations.filterMode'), key: 'mode', width: 140, render: (_, item) => t(`mode.${item.participation_mode}`) },
          { title: t('progress.online'), dataIndex: 'online_participants', width: 90 },
          {
            title: t('progress.acknowledged'),
            key: 'acknowledged',
            width: 110,
            render: (_, item) => (
              <span data-testid={`acked-${item.organisation_id}`}>
                {t('progress.ofReleased', { acked: item.acknowledged_injects, released: item.released_injects })}
              </span>
            ),
          },
          {
            title: t('progress.actions'),
            key: 'actions',
            width: 90,
            render: (_, item) => <span data-testid={`actions-${item.organisation_id}`}>{item.action_entries}</span>,
          },
          { title: t('progress.lastActivity'), key: 'last', width: 170, render: (_, item) => timestamp(item.last_activity, language) },
        ]}
      />
    </section>
  );
}
