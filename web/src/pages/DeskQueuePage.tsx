import { App as AntApp, Button, Card, Checkbox, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { actOnCase, bulkReply, getCase, getReportingConfig, listCases, listDesks, listDeskStaff } from '../api/deskEndpoints';
import type { CaseAction, CaseDetail, CaseFilter, Desk, DeskCase, ReportField, StaffMember } from '../api/deskTypes';
import { streamUrl } from '../api/liveEndpoints';
import type { StreamEvent } from '../api/liveTypes';
import type { Session } from '../api/types';
import { useReference } from '../api/useReference';
import { rolesIn, isOrganiser } from '../auth/roles';
import { CaseDetailDrawer } from '../components/desks/CaseDetailDrawer';
import { CaseStateTag } from '../components/desks/CaseStateTag';
import { DeskMarking } from '../components/desks/DeskMarking';
import { ConnectionState } from '../components/live/ConnectionState';
import { ErrorAlert } from '../components/ErrorAlert';
import { NotFound } from '../components/NotFound';
import { appendMessage, awaitsDesk, casePayload, formatWaiting, matchesFilter, sortCases, upsertCase } from '../desks/caseList';
import { localText } from '../desks/deskName';
import { currentLanguage } from '../i18n';
import { localName } from '../i18n/localName';
import { useEventStream } from '../live/useEventStream';
import { useNowUs } from '../live/useNow';

// The desks' queue (窓口, /exercises/:id/queue) for controllers, organisers, ministry staff
// (their ministry's desk only, scoped by the server) and observers (read only): filters,
// a waiting clock per case, bulk reply to the selected cases, and the case drawer.
// Cases arrive and change live through the exercise stream.
export function DeskQueuePage({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const exerciseId = Number(useParams().exerciseId);
  const valid = Number.isInteger(exerciseId) && exerciseId > 0;
  const roles = valid ? rolesIn(session, exerciseId) : [];
  const canAct = valid && (isOrganiser(session, exerciseId) || roles.includes('controller') || roles.includes('ministry'));
  const isStaff = canAct || roles.includes('observer');
  const language = currentLanguage();
  const { reference } = useReference();
  const [filter, setFilter] = useState<CaseFilter>({ state: 'open' });
  const filterRef = useRef(filter);
  filterRef.current = filter;
  const [cases, setCases] = useState<DeskCase[]>([]);
  const [total, setTotal] = useState(0);
  const [desks, setDesks] = useState<Desk[]>([]);
  const [staff, setStaff] = useState<StaffMember[]>([]);
  const [fields, setFields] = useState<ReportField[]>([]);
  const [selected, setSelected] = useState<number[]>([]);
  const [bulkText, setBulkText] = useState('');
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const detailId = useRef<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const nowUs = useNowUs(1000, true);

  const reload = useCallback(() => {
    if (!valid || !isStaff) return;
    listCases(exerciseId, { ...filterRef.current, page_size: 200 }).then((page) => {
      setCases(sortCases(page.items));
      setTotal(page.total);
    }, setError);
    if (detailId.current !== null) getCase(exerciseId, detailId.current).then(setDetail, setError);
  }, [valid, isStaff, exerciseId]);

  useEffect(() => {
    if (!valid || !isStaff) return;
    listDesks(exerciseId).then(setDesks, setError);
    getReportingConfig(exerciseId).then((config) => setFields(config.fields), setError);
    if (canAct) listDeskStaff(exerciseId).then(setStaff, setError);
  }, [valid, isStaff, canAct, exerciseId]);

  useEffect(reload, [reload, filter]);

  const myDeskIds = useMemo(
    () => new Set(desks.filter((desk) => desk.staff_user_ids?.includes(session.user.id)).map((desk) => desk.id)),
    [desks, session.user.id],
  );

  const onEvent = useCallback(
    (event: StreamEvent) => {
      const payload = casePayload(event);
      if (!payload) return;
      const current = filterRef.current;
      const wanted = matchesFilter(payload.case, current, (item) =>
        (!current.mine || item.assignee?.user_id === session.user.id) && (!current.my_desks || myDeskIds.has(item.desk.id)),
      );
      setCases((list) => (wanted ? upsertCase(list, payload.case) : list.filter((item) => item.id !== payload.case.id)));
      setDetail((open) => (open ? appendMessage(open, payload.case, payload.message) : open));
    },
    [session.user.id, myDeskIds],
  );
  const status = useEventStream(valid && isStaff ? streamUrl(exerciseId) : null, { onEvent, onReconnected: reload });

  if (!valid) return <NotFound />;
  if (!isStaff) {
    return (
      <Card>
        <Typography.Paragraph>{t('desks.queue.notStaff')}</Typography.Paragraph>
      </Card>
    );
  }

  const openCase = (caseId: number) => {
    detailId.current = caseId;
    getCase(exerciseId, caseId).then(setDetail, setError);
  };

  const act = async (action: CaseAction, body?: string, assignee?: number) => {
    if (!detail) return;
    const next = await actOnCase(exerciseId, detail.id, action, body, assignee);
    setDetail(next);
    setCases((list) => upsertCase(list, next));
  };

  const sendBulk = async () => {
    try {
      const changed = await bulkReply(exerciseId, selected, bulkText);
      setCases((list) => changed.reduce((acc, item) => upsertCase(acc, item), list));
      setSelected([]);
      setBulkText('');
      void message.success(t('desks.queue.bulkSent', { count: changed.length }));
    } catch (failure) {
      setError(failure);
    }
  };

  const categories = [...new Map(desks.flatMap((desk) => desk.categories).map((c) => [c.code, c])).values()];
  const update = (patch: Partial<CaseFilter>) => setFilter((current) => ({ ...current, ...patch }));

  return (
    <>
      <Space className="section-head" wrap>
        <Typography.Title level={1} className="page-title">
          {t('desks.queue.title')}
        </Typography.Title>
        <DeskMarking />
        <ConnectionState status={status} />
        {isOrganiser(session, exerciseId) && <Link to={`/exercises/${exerciseId}/desk-settings`}>{t('desks.queue.settings')}</Link>}
        <Link to={`/exercises/${exerciseId}/desks`}>{t('desks.panel.desks')}</Link>
      </Space>
      <ErrorAlert error={error} />
      <Card>
        <Space wrap className="queue-filters">
          <Select
            aria-label={t('desks.queue.filterState')}
            style={{ minWidth: 150 }}
            value={filter.state ?? ''}
            onChange={(state: string) => update({ state: state || undefined })}
            options={[
              { value: 'open', label: t('desks.queue.stateOpen') },
              { value: '', label: t('desks.queue.stateAll') },
              ...(['new', 'claimed', 'waiting', 'answered', 'closed'] as const).map((state) => ({
                value: state,
                label: t(`desks.state.${state}`),
              })),
            ]}
          />
          <Select
            aria-label={t('desks.queue.filterDesk')}
            style={{ minWidth: 200 }}
            allowClear
            placeholder={t('desks.queue.filterDesk')}
            value={filter.desk_id}
            onChange={(desk_id?: number) => update({ desk_id })}
            options={desks.map((desk) => ({ value: desk.id, label: localText(desk.name, language) }))}
          />
          <Select
            aria-label={t('desks.queue.filterKind')}
            style={{ minWidth: 140 }}
            allowClear
            placeholder={t('desks.queue.filterKind')}
            value={filter.kind}
            onChange={(kind?: string) => update({ kind })}
            options={[
              { value: 'inquiry', label: t('desks.kind.inquiry') },
              { value: 'report', label: t('desks.kind.report') },
            ]}
          />
          <Select
            aria-label={t('desks.queue.filterSector')}
            style={{ minWidth: 160 }}
            allowClear
            placeholder={t('desks.queue.filterSector')}
            value={filter.sector}
            onChange={(sector?: string) => update({ sector })}
            options={(reference?.sectors ?? []).map((sector) => ({ value: sector.code, label: localName(sector, language) }))}
          />
          <Select
            aria-label={t('desks.queue.filterCategory')}
            style={{ minWidth: 140 }}
            allowClear
            placeholder={t('desks.queue.filterCategory')}
            value={filter.category}
            onChange={(category?: string) => update({ category })}
            options={categories.map((category) => ({
              value: category.code,
              label: language === 'en' && category.en ? category.en : category.ja,
            }))}
          />
          <Checkbox checked={filter.mine ?? false} onChange={(event) => update({ mine: event.target.checked || undefined })}>
            {t('desks.queue.mine')}
          </Checkbox>
          <Checkbox
            checked={filter.my_desks ?? false}
            onChange={(event) => update({ my_desks: event.target.checked || undefined })}
          >
            {t('desks.queue.myDesks')}
          </Checkbox>
          <Typography.Text type="secondary">{t('desks.queue.total', { count: total })}</Typography.Text>
        </Space>
      </Card>
      {canAct && selected.length > 0 && (
        <Card className="block-gap-top" title={t('desks.queue.bulkTitle', { count: selected.length })}>
          <Space.Compact style={{ width: '100%' }}>
            <Input.TextArea
              aria-label={t('desks.queue.bulkBody')}
              value={bulkText}
              maxLength={8000}
              onChange={(event) => setBulkText(event.target.value)}
              rows={2}
            />
            <Button type="primary" disabled={!bulkText.trim()} onClick={() => void sendBulk()}>
              {t('desks.queue.bulkSend')}
            </Button>
          </Space.Compact>
        </Card>
      )}
      <Table<DeskCase>
        className="block-gap-top"
        rowKey="id"
        dataSource={cases}
        pagination={false}
        size="small"
        locale={{ emptyText: <span className="empty-text">{t('desks.queue.empty')}</span> }}
        rowSelection={canAct ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) } : undefined}
        onRow={(record) => ({ 'data-testid': `queue-row-${record.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('desks.queue.waiting'),
            key: 'waiting',
            render: (_, record) =>
              awaitsDesk(record) ? (
                <Typography.Text type={nowUs - record.created_at_us > 15 * 60_000_000 ? 'danger' : undefined} data-testid="waiting-clock">
                  {formatWaiting(record.created_at_us, nowUs)}
                </Typography.Text>
              ) : (
                '—'
              ),
          },
          { title: t('desks.queue.state'), key: 'state', render: (_, record) => <CaseStateTag state={record.state} /> },
          {
            title: t('desks.queue.urgency'),
            key: 'urgency',
            render: (_, record) => (
              <Tag className={record.urgency === 'high' ? 'tag-warn' : 'tag-neutral'}>{t(`desks.urgency.${record.urgency}`)}</Tag>
            ),
          },
          { title: t('desks.queue.desk'), key: 'desk', render: (_, record) => localText(record.desk.name, language) },
          { title: t('desks.queue.organisation'), key: 'organisation', render: (_, record) => record.organisation.name },
          {
            title: t('desks.queue.kind'),
            key: 'kind',
            render: (_, record) =>
              record.kind === 'report'
                ? `${t(`desks.stage.${record.stage ?? 'first'}`)} · ${t('desks.queue.deliveryOrder', { order: record.delivery_order })}`
                : t('desks.kind.inquiry'),
          },
          {
            title: t('desks.queue.subject'),
            key: 'subject',
            render: (_, record) => (
              <Button type="link" onClick={() => openCase(record.id)} data-testid="queue-open">
                {record.subject}
              </Button>
            ),
          },
          { title: t('desks.queue.assignee'), key: 'assignee', render: (_, record) => record.assignee?.name ?? '—' },
        ]}
      />
      <CaseDetailDrawer
        detail={detail}
        staff={staff}
        fields={fields}
        myUserId={session.user.id}
        canAct={canAct}
        onClose={() => {
          detailId.current = null;
          setDetail(null);
        }}
        onAct={act}
      />
    </>
  );
}
