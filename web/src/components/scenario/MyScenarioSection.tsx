import { Alert, App as AntApp, Button, Input, Modal, Form, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import {
  getEffectiveTimeline,
  getOrganisationOverlay,
  putOrganisationOverlay,
} from '../../api/scenarioEndpoints';
import type { EffectiveInject, Inject, LocalisedText, Overlay, Scene } from '../../api/scenarioTypes';
import type { Reference } from '../../api/types';
import { currentLanguage } from '../../i18n';
import { localText } from '../../live/localText';
import { ErrorAlert } from '../ErrorAlert';
import { InjectDrawer } from './InjectDrawer';
import { ProblemList } from './ProblemList';
import { changeOf, disabledIds, setInjectDisabled, setInjectText } from './overlayEdit';
import { newInject, timelineOrder } from './scenarioEdit';
import { parseVariablesText, variablesToText } from './variablesText';

interface Props {
  exerciseId: number;
  organisationId: number;
  reference: Reference | null;
}

interface TextValues {
  title: LocalisedText;
  body: LocalisedText;
}

// "My scenario" (個別シナリオ) on the organisation page: the org lead's overlay (variables,
// own wording of injects, disabled optional injects, own injects) and a preview of the
// organisation's effective timeline as the server resolves it after saving.
export function MyScenarioSection({ exerciseId, organisationId, reference }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [overlay, setOverlay] = useState<Overlay | null>(null);
  const [variablesText, setVariablesText] = useState('');
  const [timeline, setTimeline] = useState<EffectiveInject[]>([]);
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [editingText, setEditingText] = useState<EffectiveInject | null>(null);
  const [editingAdded, setEditingAdded] = useState<{ index: number | null; draft: Inject } | null>(null);
  const [textForm] = Form.useForm<TextValues>();
  const language = currentLanguage();

  const load = useCallback(() => {
    Promise.all([getOrganisationOverlay(exerciseId, organisationId), getEffectiveTimeline(exerciseId, organisationId)]).then(
      ([loadedOverlay, loadedTimeline]) => {
        setOverlay(loadedOverlay);
        setVariablesText(variablesToText(loadedOverlay.variables));
        setTimeline(loadedTimeline);
        setDirty(false);
        setError(null);
      },
      setError,
    );
  }, [exerciseId, organisationId]);

  useEffect(load, [load]);

  const parsed = useMemo(() => parseVariablesText(variablesText), [variablesText]);
  const scenes: Scene[] = useMemo(
    () =>
      [...new Set(timeline.map((item) => item.scene_id))].map((id) => ({
        id,
        title: { ja: id, en: id },
        starts_at: '',
        ends_at: '',
        speed: 1,
        pause_at_end: false,
      })),
    [timeline],
  );

  if (error && !(isApiError(error) && error.code === 'not_found')) return <ErrorAlert error={error} />;
  if (!overlay) return null;

  const change = (next: Overlay) => {
    setOverlay(next);
    setDirty(true);
  };

  const save = async () => {
    if (parsed.badLines.length > 0) return;
    setSaving(true);
    setSaveError(null);
    try {
      await putOrganisationOverlay(exerciseId, organisationId, { ...overlay, variables: parsed.variables });
      void message.success(t('myScenario.saved'));
      load();
    } catch (failure) {
      setSaveError(failure);
    } finally {
      setSaving(false);
    }
  };

  const disabled = disabledIds(overlay);
  const addedIds = overlay.added.map((inject) => inject.id);
  const ordered = timelineOrder(timeline).map((index) => timeline[index]!);

  return (
    <section aria-labelledby="my-scenario-heading" data-testid="my-scenario">
      <Space className="section-head" wrap>
        <Typography.Title level={2} id="my-scenario-heading" className="section-title">
          {t('myScenario.title')}
        </Typography.Title>
        <Button type="primary" onClick={() => void save()} loading={saving} disabled={!dirty || parsed.badLines.length > 0}>
          {t('myScenario.save')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">{t('myScenario.help')}</Typography.Paragraph>
      <div aria-live="polite">
        <ErrorAlert error={saveError} />
        <ProblemList error={saveError} />
        {dirty && <Alert type="warning" showIcon title={t('myScenario.unsaved')} className="block-gap" />}
      </div>
      <Form layout="vertical" className="form-narrow">
        <Form.Item
          label={t('myScenario.variables')}
          htmlFor="my-scenario-variables"
          extra={t('myScenario.variablesHelp')}
          validateStatus={parsed.badLines.length > 0 ? 'error' : undefined}
          help={parsed.badLines.length > 0 ? t('scenario.details.badVariableLines', { lines: parsed.badLines.join(', ') }) : undefined}
        >
          <Input.TextArea
            id="my-scenario-variables"
            autoSize={{ minRows: 2, maxRows: 8 }}
            value={variablesText}
            placeholder={'service=…\nsupplier=…'}
            onChange={(e) => {
              setVariablesText(e.target.value);
              setDirty(true);
            }}
          />
        </Form.Item>
      </Form>

      <Typography.Title level={3} className="subsection-title">
        {t('myScenario.preview')}
      </Typography.Title>
      <Table<EffectiveInject>
        aria-label={t('myScenario.previewLabel')}
        data-testid="effective-timeline"
        size="small"
        rowKey={(item) => `${item.source}-${item.id}`}
        dataSource={ordered}
        pagination={ordered.length > 100 ? { pageSize: 100 } : false}
        locale={{ emptyText: <span className="empty-text">{t('myScenario.previewEmpty')}</span> }}
        expandable={{
          expandedRowRender: (item) => <Typography.Paragraph className="pre-wrap">{localText(item.body, language)}</Typography.Paragraph>,
        }}
        columns={[
          { title: t('scenario.inject.at'), dataIndex: 'at', width: 100 },
          { title: t('scenario.inject.id'), dataIndex: 'id', width: 120, render: (id: string) => <code>{id}</code> },
          {
            title: t('scenario.inject.title'),
            key: 'title',
            render: (_, item) => (
              <Space size={4} wrap>
                <span>{localText(item.title, language)}</span>
                {item.source !== 'master' && <Tag color="purple">{t(`injectSource.${item.source}`)}</Tag>}
                {item.changed && <Tag color="blue">{t('myScenario.changed')}</Tag>}
                {item.optional && <Tag>{t('scenario.inject.optionalTag')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 230,
            render: (_, item) =>
              item.source === 'organisation' ? null : (
                <Space size={4} wrap>
                  <Button
                    size="small"
                    aria-label={t('myScenario.changeTextLabel', { id: item.id })}
                    onClick={() => {
                      const own = changeOf(overlay, item.id);
                      setEditingText(item);
                      textForm.setFieldsValue({ title: own?.title ?? item.title, body: own?.body ?? item.body });
                    }}
                  >
                    {t('myScenario.changeText')}
                  </Button>
                  {item.optional && (
                    <Button size="small" onClick={() => change(setInjectDisabled(overlay, item.id, true))} aria-label={t('myScenario.disableLabel', { id: item.id })}>
                      {t('myScenario.disable')}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
      {disabled.length > 0 && (
        <div className="block-gap-top">
          <Typography.Text strong>{t('myScenario.disabled')}</Typography.Text>{' '}
          {disabled.map((id) => (
            <Tag key={id} closable closeIcon={<span aria-label={t('myScenario.enableLabel', { id })}>×</span>} onClose={() => change(setInjectDisabled(overlay, id, false))}>
              {id}
            </Tag>
          ))}
        </div>
      )}

      <Space className="section-head block-gap-top" wrap>
        <Typography.Title level={3} className="subsection-title">
          {t('myScenario.added')}
        </Typography.Title>
        <Button onClick={() => setEditingAdded({ index: null, draft: newInject(undefined) })} disabled={scenes.length === 0}>
          {t('myScenario.addInject')}
        </Button>
      </Space>
      <Table
        aria-label={t('myScenario.addedLabel')}
        size="small"
        rowKey="key"
        dataSource={overlay.added.map((inject, index) => ({ ...inject, key: String(index), index }))}
        pagination={false}
        locale={{ emptyText: <span className="empty-text">{t('myScenario.addedEmpty')}</span> }}
        columns={[
          { title: t('scenario.inject.at'), dataIndex: 'at', width: 100 },
          { title: t('scenario.inject.id'), dataIndex: 'id', width: 120 },
          { title: t('scenario.inject.title'), key: 'title', render: (_, inject) => localText(inject.title, language) },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 160,
            render: (_, inject) => (
              <Space size={4}>
                <Button size="small" onClick={() => setEditingAdded({ index: inject.index, draft: overlay.added[inject.index]! })}>
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  title={t('scenario.inject.deleteConfirm', { id: inject.id })}
                  okText={t('common.delete')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => change({ ...overlay, added: overlay.added.filter((_, i) => i !== inject.index) })}
                >
                  <Button size="small" danger>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />

      <Modal
        open={editingText !== null}
        title={editingText ? t('myScenario.changeTextTitle', { id: editingText.id }) : ''}
        okText={t('scenario.apply')}
        cancelText={t('common.cancel')}
        onCancel={() => setEditingText(null)}
        onOk={() => textForm.submit()}
        width={720}
        footer={(_, { OkBtn, CancelBtn }) => (
          <Space>
            {editingText && changeOf(overlay, editingText.id)?.title && (
              <Button
                onClick={() => {
                  change(setInjectText(overlay, editingText.id, null, null));
                  setEditingText(null);
                }}
              >
                {t('myScenario.restoreText')}
              </Button>
            )}
            <CancelBtn />
            <OkBtn />
          </Space>
        )}
      >
        <Form<TextValues>
          name="inject-text"
          form={textForm}
          layout="vertical"
          onFinish={(values) => {
            if (!editingText) return;
            change(setInjectText(overlay, editingText.id, values.title, values.body));
            setEditingText(null);
          }}
        >
          <Form.Item name={['title', 'ja']} label={t('scenario.titleJa')} rules={[{ required: true, message: t('scenario.validation.required') }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name={['title', 'en']} label={t('scenario.titleEn')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name={['body', 'ja']} label={t('scenario.bodyJa')} extra={t('scenario.variablesHelp', { example: '{{org.name}}' })}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={20000} />
          </Form.Item>
          <Form.Item name={['body', 'en']} label={t('scenario.bodyEn')}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={20000} />
          </Form.Item>
        </Form>
      </Modal>
      <InjectDrawer
        own
        open={editingAdded !== null}
        inject={editingAdded?.draft ?? null}
        scenes={scenes}
        reference={reference}
        takenIds={[...timeline.filter((item) => item.source !== 'organisation').map((item) => item.id), ...addedIds.filter((_, i) => i !== editingAdded?.index)]}
        fieldError={null}
        onClose={() => setEditingAdded(null)}
        onSave={(inject) => {
          const added = [...overlay.added];
          if (editingAdded?.index === null || editingAdded?.index === undefined) added.push(inject);
          else added[editingAdded.index] = inject;
          change({ ...overlay, added });
          setEditingAdded(null);
        }}
      />
    </section>
  );
}
