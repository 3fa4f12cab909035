import { App as AntApp, Button, Input, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createOpinion, createOpinionKind, deleteOpinion, listOpinionKinds, listOpinions, updateOpinion } from '../api/surveyEndpoints';
import type { Opinion, OpinionInput, OpinionKind } from '../api/surveyTypes';
import { ErrorAlert } from '../components/ErrorAlert';
import { errorText } from '../components/errorText';
import { currentLanguage } from '../i18n';
import { localText } from '../surveys/localText';

const MAX_OPINION = 4000;

// Opinions said during one session, recorded by organisers and controllers, listed by
// kind (filterable); organisers add kinds of their own.
export function OpinionsPanel({
  exerciseId,
  sessionId,
  canRecord,
  canAddKinds,
  organisations,
}: {
  exerciseId: number;
  sessionId: number;
  canRecord: boolean;
  canAddKinds: boolean;
  organisations: { id: number; name: string }[];
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const language = currentLanguage();
  const [kinds, setKinds] = useState<OpinionKind[]>([]);
  const [opinions, setOpinions] = useState<Opinion[]>([]);
  const [filter, setFilter] = useState<string | undefined>(undefined);
  const [draft, setDraft] = useState<OpinionInput>({ kind: '', text: '', organisation_id: null });
  const [editing, setEditing] = useState<number | null>(null);
  const [newKind, setNewKind] = useState({ code: '', ja: '', en: '' });
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    listOpinionKinds(exerciseId).then((value) => setKinds(value.items), setError);
    listOpinions(exerciseId, { session_id: sessionId, kind: filter }).then((value) => setOpinions(value.items), setError);
  }, [exerciseId, sessionId, filter]);

  useEffect(load, [load]);

  const kindLabel = (code: string) => {
    const kind = kinds.find((item) => item.code === code);
    return kind ? localText(kind.label, language) : code;
  };

  const save = () => {
    const saved = editing ? updateOpinion(exerciseId, editing, draft) : createOpinion(exerciseId, sessionId, draft);
    saved.then(
      () => {
        void message.success(t('forum.opinions.saved'));
        setDraft({ kind: draft.kind, text: '', organisation_id: null });
        setEditing(null);
        setError(null);
        load();
      },
      setError,
    );
  };

  const addKind = () => {
    createOpinionKind(exerciseId, { code: newKind.code, label: { ja: newKind.ja, en: newKind.en } }).then(
      () => {
        setNewKind({ code: '', ja: '', en: '' });
        load();
      },
      (failure: unknown) => void message.error(errorText(t, failure)),
    );
  };

  const kindOptions = kinds.map((kind) => ({ value: kind.code, label: localText(kind.label, language) }));
  return (
    <section className="block-gap-top" aria-labelledby="opinions-heading">
      <Typography.Title level={2} className="section-title" id="opinions-heading">
        {t('forum.opinions.heading')}
      </Typography.Title>
      {canRecord && (
        <div className="survey-editor-grid block-gap" data-testid="opinion-form">
          <label htmlFor="opinion-kind">{t('forum.opinions.kind')}</label>
          <Select id="opinion-kind" value={draft.kind || undefined} onChange={(kind: string) => setDraft({ ...draft, kind })} options={kindOptions} />
          <label htmlFor="opinion-organisation">{t('forum.opinions.organisation')}</label>
          <Select
            id="opinion-organisation"
            allowClear
            placeholder={t('forum.opinions.unattributed')}
            value={draft.organisation_id ?? undefined}
            onChange={(value?: number) => setDraft({ ...draft, organisation_id: value ?? null })}
            options={organisations.map((organisation) => ({ value: organisation.id, label: organisation.name }))}
          />
          <label htmlFor="opinion-text">{t('forum.opinions.text')}</label>
          <Input.TextArea
            id="opinion-text"
            rows={3}
            maxLength={MAX_OPINION}
            showCount
            value={draft.text}
            onChange={(e) => setDraft({ ...draft, text: e.target.value })}
          />
          <span />
          <Space>
            <Button type="primary" onClick={save} disabled={!draft.kind || draft.text.trim() === ''} data-testid="opinion-save">
              {editing ? t('forum.opinions.update') : t('forum.opinions.record')}
            </Button>
            {editing && (
              <Button
                onClick={() => {
                  setEditing(null);
                  setDraft({ kind: draft.kind, text: '', organisation_id: null });
                }}
              >
                {t('surveys.no')}
              </Button>
            )}
          </Space>
        </div>
      )}
      <ErrorAlert error={error} />
      <Space wrap className="block-gap">
        <label htmlFor="opinion-filter">{t('forum.opinions.filter')}</label>
        <Select
          id="opinion-filter"
          allowClear
          className="survey-editor-select"
          placeholder={t('forum.opinions.allKinds')}
          value={filter}
          onChange={(value?: string) => setFilter(value)}
          options={kindOptions}
        />
      </Space>
      <Table<Opinion>
        rowKey="id"
        size="small"
        dataSource={opinions}
        pagination={false}
        locale={{ emptyText: <span className="empty-text">{t('forum.opinions.empty')}</span> }}
        data-testid="opinion-table"
        columns={[
          { title: t('forum.opinions.kind'), key: 'kind', render: (_: unknown, opinion: Opinion) => kindLabel(opinion.kind) },
          { title: t('forum.opinions.text'), dataIndex: 'text', key: 'text' },
          {
            title: t('forum.opinions.organisation'),
            key: 'organisation',
            render: (_: unknown, opinion: Opinion) => opinion.organisation_name || t('forum.opinions.unattributed'),
          },
          ...(canRecord
            ? [
                {
                  title: t('surveys.list.actions'),
                  key: 'actions',
                  render: (_: unknown, opinion: Opinion) => (
                    <Space>
                      <Button
                        size="small"
                        onClick={() => {
                          setEditing(opinion.id);
                          setDraft({ kind: opinion.kind, text: opinion.text, organisation_id: opinion.organisation_id });
                        }}
                      >
                        {t('surveys.list.edit')}
                      </Button>
                      <Popconfirm
                        title={t('forum.opinions.deleteConfirm')}
                        okText={t('surveys.yes')}
                        cancelText={t('surveys.no')}
                        onConfirm={() => deleteOpinion(exerciseId, opinion.id).then(load, setError)}
                      >
                        <Button size="small" danger>
                          {t('surveys.list.delete')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canAddKinds && (
        <Space wrap className="block-gap-top" role="group" aria-label={t('forum.opinions.addKind')}>
          <Input aria-label={t('forum.opinions.kindCode')} placeholder={t('forum.opinions.kindCode')} value={newKind.code} onChange={(e) => setNewKind({ ...newKind, code: e.target.value })} />
          <Input aria-label={t('surveys.editor.labelJa')} placeholder={t('surveys.editor.labelJa')} value={newKind.ja} onChange={(e) => setNewKind({ ...newKind, ja: e.target.value })} />
          <Input aria-label={t('surveys.editor.labelEn')} placeholder={t('surveys.editor.labelEn')} value={newKind.en} onChange={(e) => setNewKind({ ...newKind, en: e.target.value })} />
          <Button onClick={addKind} disabled={!newKind.code || !newKind.ja}>
            {t('forum.opinions.addKind')}
          </Button>
        </Space>
      )}
    </section>
  );
}
