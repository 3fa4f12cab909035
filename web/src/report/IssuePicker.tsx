import { Button, Checkbox, Input, Select, Space, Table, Tag, Typography, message } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { putIssueSelection, searchIssues, suggestThemes } from '../api/reportEndpoints';
import type { ReportIssue, ReportTheme } from '../api/reportTypes';
import { ErrorAlert } from '../components/ErrorAlert';
import { useDebouncedValue } from '../components/useDebouncedValue';

const PAGE_SIZE = 20;

// The organiser picks the representative issues of the report from every entry: search
// (NFKC, any objective or one), suggested frequent themes (click to search), checkboxes;
// Save replaces the selection (shown in the report's "issues found" table).
export function IssuePicker({ exerciseId, onSaved }: { exerciseId: number; onSaved: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const query = useDebouncedValue(text, 300);
  const [objective, setObjective] = useState<number | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [items, setItems] = useState<ReportIssue[]>([]);
  const [total, setTotal] = useState(0);
  const [themes, setThemes] = useState<ReportTheme[]>([]);
  const [selected, setSelected] = useState<number[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  // The stored selection: every selected issue (all pages).
  const loadSelection = useCallback(async () => {
    const ids: number[] = [];
    for (let current = 1; ; current += 1) {
      const result = await searchIssues(exerciseId, { page: current, page_size: 200 });
      ids.push(...result.items.filter((item) => item.selected).map((item) => item.id));
      if (current * 200 >= result.total) break;
    }
    setSelected(ids);
  }, [exerciseId]);

  useEffect(() => {
    loadSelection().catch(setError);
  }, [loadSelection]);

  useEffect(() => {
    let cancelled = false;
    searchIssues(exerciseId, { q: query, objective_id: objective, page, page_size: PAGE_SIZE }).then(
      (result) => {
        if (cancelled) return;
        setItems(result.items);
        setTotal(result.total);
      },
      (caught: unknown) => !cancelled && setError(caught),
    );
    return () => {
      cancelled = true;
    };
  }, [exerciseId, query, objective, page]);

  useEffect(() => {
    let cancelled = false;
    suggestThemes(exerciseId, objective).then(
      (result) => !cancelled && setThemes(result.items),
      (caught: unknown) => !cancelled && setError(caught),
    );
    return () => {
      cancelled = true;
    };
  }, [exerciseId, objective]);

  const toggle = (id: number, on: boolean) =>
    setSelected((previous) => {
      const current = previous ?? [];
      return on ? [...current.filter((value) => value !== id), id] : current.filter((value) => value !== id);
    });

  async function save() {
    if (!selected) return;
    setSaving(true);
    setError(null);
    try {
      await putIssueSelection(exerciseId, selected);
      void message.success(t('report.issues.saved'));
      onSaved();
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  }

  const objectives = Array.from({ length: 10 }, (_, index) => index + 1);
  return (
    <section className="report-issues" aria-labelledby="report-issues-title">
      <Typography.Title level={3} id="report-issues-title">
        {t('report.issues.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('report.issues.help')}</Typography.Paragraph>
      <Space wrap>
        <Input.Search
          allowClear
          aria-label={t('report.issues.search')}
          placeholder={t('report.issues.search')}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setPage(1);
          }}
          style={{ width: 280 }}
        />
        <Select<number | undefined>
          aria-label={t('report.issues.objective')}
          value={objective}
          allowClear
          placeholder={t('report.issues.allObjectives')}
          style={{ width: 200 }}
          onChange={(value) => {
            setObjective(value);
            setPage(1);
          }}
          options={objectives.map((id) => ({ value: id, label: t('report.issues.objectiveNumber', { number: id }) }))}
        />
        <Button type="primary" onClick={() => void save()} loading={saving} disabled={selected === null}>
          {t('report.issues.save', { count: selected?.length ?? 0 })}
        </Button>
      </Space>
      {themes.length > 0 && (
        <div className="report-themes">
          <Typography.Text type="secondary">{t('report.issues.themes')}</Typography.Text>{' '}
          {themes.map((theme) => (
            <Tag.CheckableTag
              key={theme.term}
              checked={text === theme.term}
              onChange={() => {
                setText(theme.term);
                setPage(1);
              }}
            >
              {theme.term} ({theme.entries})
            </Tag.CheckableTag>
          ))}
        </div>
      )}
      {error !== null && <ErrorAlert error={error} />}
      <Table<ReportIssue>
        size="small"
        rowKey="id"
        dataSource={items}
        locale={{ emptyText: <span className="empty-text">{t('report.issues.none')}</span> }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total, onChange: setPage, showSizeChanger: false }}
        columns={[
          {
            title: t('report.issues.pick'),
            key: 'pick',
            width: 70,
            render: (_, issue) => (
              <Checkbox
                aria-label={t('report.issues.pickOne', { id: issue.id })}
                checked={selected?.includes(issue.id) ?? false}
                onChange={(event) => toggle(issue.id, event.target.checked)}
              />
            ),
          },
          { title: t('report.issues.objective'), dataIndex: 'objective_id', key: 'objective', width: 90 },
          { title: t('report.issues.organisation'), dataIndex: 'organisation_name', key: 'organisation', width: 200 },
          { title: t('report.issues.text'), dataIndex: 'text', key: 'text' },
        ]}
      />
    </section>
  );
}
