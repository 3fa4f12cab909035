import { Button, Space, Table, Typography, type TableProps } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { listOrganisations } from '../api/endpoints';
import type { Organisation, OrganisationQuery, OrganisationSort, Page, Reference } from '../api/types';
import { currentLanguage } from '../i18n';
import { CreateOrganisationForm } from './CreateOrganisationForm';
import { ErrorAlert } from './ErrorAlert';
import { ExportButtons } from './ExportButtons';
import { ImportDialog } from './ImportDialog';
import { ministryLabel, regionLabel, sectorLabel } from './labels';
import { OrganisationFilters, type OrganisationFilterValues } from './OrganisationFilters';
import { useDebouncedValue } from './useDebouncedValue';

// Table column key → the server's `sort` value.
const SORT_BY_COLUMN: Record<string, OrganisationSort> = {
  name: 'name',
  sector_code: 'sector',
  ministry_code: 'ministry',
  participation_mode: 'mode',
  region: 'region',
  size_band: 'size_band',
  updated_at: 'updated_at',
};

export const SEARCH_DEBOUNCE_MS = 300;

interface Props {
  exerciseId: number;
  reference: Reference | null;
  canManage: boolean; // organiser: create and import
  canExport: boolean; // organiser or ministry
  onChanged?: () => void;
}

// The organisations of an exercise with server-side paging, sorting and filters.
export function OrganisationList({ exerciseId, reference, canManage, canExport, onChanged }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [filters, setFilters] = useState<OrganisationFilterValues>({ text: '' });
  const searchText = useDebouncedValue(filters.text.trim(), SEARCH_DEBOUNCE_MS);
  const [paging, setPaging] = useState<Pick<OrganisationQuery, 'page' | 'page_size' | 'sort' | 'order'>>({
    page: 1,
    page_size: 50,
    sort: 'name',
    order: 'asc',
  });
  const [data, setData] = useState<Page<Organisation> | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [reloadCount, setReloadCount] = useState(0);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    listOrganisations(
      exerciseId,
      { ...paging, sector: filters.sector, ministry: filters.ministry, mode: filters.mode, q: searchText },
      controller.signal,
    ).then(
      (page) => {
        setData(page);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(failure);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [exerciseId, paging, filters.sector, filters.ministry, filters.mode, searchText, reloadCount]);

  // A new filter or search shows its first page.
  useEffect(() => {
    setPaging((current) => (current.page === 1 ? current : { ...current, page: 1 }));
  }, [filters.sector, filters.ministry, filters.mode, searchText]);

  const reload = useCallback(() => {
    setReloadCount((count) => count + 1);
    onChanged?.();
  }, [onChanged]);

  const sortOrder = (column: string) =>
    SORT_BY_COLUMN[column] === paging.sort ? (paging.order === 'desc' ? 'descend' : 'ascend') : null;

  const columns: TableProps<Organisation>['columns'] = [
    {
      key: 'name',
      title: t('organisation.name'),
      dataIndex: 'name',
      sorter: true,
      sortOrder: sortOrder('name'),
      render: (name: string, organisation) => (
        <Link to={`/exercises/${exerciseId}/organisations/${organisation.id}`}>{name}</Link>
      ),
    },
    { key: 'external_ref', title: t('organisation.externalRef'), dataIndex: 'external_ref' },
    {
      key: 'sector_code',
      title: t('organisation.sector'),
      dataIndex: 'sector_code',
      sorter: true,
      sortOrder: sortOrder('sector_code'),
      render: (code: string) => sectorLabel(reference, code, language),
    },
    {
      key: 'ministry_code',
      title: t('organisation.ministry'),
      dataIndex: 'ministry_code',
      sorter: true,
      sortOrder: sortOrder('ministry_code'),
      render: (code: string) => ministryLabel(reference, code, language),
    },
    {
      key: 'participation_mode',
      title: t('organisation.mode'),
      dataIndex: 'participation_mode',
      sorter: true,
      sortOrder: sortOrder('participation_mode'),
      render: (mode: string) => t(`mode.${mode}`),
    },
    {
      key: 'region',
      title: t('organisation.region'),
      dataIndex: 'region',
      sorter: true,
      sortOrder: sortOrder('region'),
      render: (code: string) => regionLabel(reference, code, language),
    },
    {
      key: 'size_band',
      title: t('organisation.sizeBand'),
      dataIndex: 'size_band',
      sorter: true,
      sortOrder: sortOrder('size_band'),
      render: (band: string) => t(`sizeBand.${band}`),
    },
    { key: 'people_count', title: t('organisation.peopleCount'), dataIndex: 'people_count', align: 'right' },
  ];

  const onTableChange: TableProps<Organisation>['onChange'] = (pagination, _filters, sorter) => {
    const single = Array.isArray(sorter) ? sorter[0] : sorter;
    const column = single?.order ? String(single.columnKey ?? '') : '';
    setPaging({
      page: pagination.current ?? 1,
      page_size: pagination.pageSize ?? 50,
      sort: SORT_BY_COLUMN[column] ?? 'name',
      order: single?.order === 'descend' ? 'desc' : 'asc',
    });
  };

  return (
    <section aria-labelledby="organisations-heading" className="block-gap-top">
      <Space className="section-head" wrap>
        <Typography.Title level={2} id="organisations-heading" className="section-title">
          {t('organisations.title')}
        </Typography.Title>
        <Typography.Text data-testid="organisation-total" aria-live="polite">
          {data ? t('organisations.total', { count: data.total }) : ''}
        </Typography.Text>
        <Space wrap>
          {canManage && (
            <>
              <Button type="primary" onClick={() => setCreating(true)}>
                {t('organisations.create')}
              </Button>
              <Button onClick={() => setImporting(true)}>{t('organisations.import')}</Button>
            </>
          )}
          {canExport && (
            <ExportButtons
              exerciseId={exerciseId}
              filters={{ sector: filters.sector, ministry: filters.ministry, mode: filters.mode, q: searchText }}
            />
          )}
        </Space>
      </Space>
      <OrganisationFilters reference={reference} value={filters} onChange={setFilters} />
      <ErrorAlert error={error} />
      <Table<Organisation>
        aria-label={t('organisations.tableLabel')}
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('organisations.empty') }}
        onChange={onTableChange}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: paging.page,
          pageSize: paging.page_size,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('organisations.total', { count: total }),
        }}
      />
      {canManage && (
        <>
          <CreateOrganisationForm
            exerciseId={exerciseId}
            reference={reference}
            open={creating}
            onClose={() => setCreating(false)}
            onCreated={() => {
              setCreating(false);
              reload();
            }}
          />
          <ImportDialog
            exerciseId={exerciseId}
            open={importing}
            onClose={() => setImporting(false)}
            onImported={reload}
          />
        </>
      )}
    </section>
  );
}
