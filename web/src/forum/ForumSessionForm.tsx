import '../surveys/surveys.css';
import { Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ForumSessionInput, Survey } from '../api/surveyTypes';
import { ErrorAlert } from '../components/ErrorAlert';
import { currentLanguage } from '../i18n';
import { localText } from '../surveys/localText';

export function blankSession(): ForumSessionInput {
  return {
    kind: 'feedback',
    title: { ja: '', en: '' },
    starts_at: '',
    ends_at: '',
    format: 'web',
    location: '',
    capacity: null,
    themes: [],
    experts: [],
    survey_id: null,
  };
}

// One entry per line ↔ list (themes, experts).
const toLines = (list: string[]) => list.join('\n');
const fromLines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

// Create or edit a roundtable / feedback session in a dialog.
export function ForumSessionForm({
  open,
  initial,
  surveys,
  onSave,
  onClose,
}: {
  open: boolean;
  initial: ForumSessionInput;
  surveys: Survey[];
  onSave: (input: ForumSessionInput) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [input, setInput] = useState<ForumSessionInput>(initial);
  const [themes, setThemes] = useState(toLines(initial.themes));
  const [experts, setExperts] = useState(toLines(initial.experts));
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    setInput(initial);
    setThemes(toLines(initial.themes));
    setExperts(toLines(initial.experts));
    setError(null);
  }, [open, initial]);

  const set = (patch: Partial<ForumSessionInput>) => setInput({ ...input, ...patch });
  const save = () => {
    setSaving(true);
    onSave({ ...input, themes: fromLines(themes), experts: fromLines(experts) }).then(
      () => {
        setSaving(false);
        onClose();
      },
      (failure: unknown) => {
        setError(failure);
        setSaving(false);
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('forum.form.heading')}
      okText={t('forum.form.save')}
      cancelText={t('surveys.no')}
      confirmLoading={saving}
      onOk={save}
      onCancel={onClose}
    >
      <div className="survey-editor-grid">
        <span id="session-kind">{t('forum.form.kind')}</span>
        <Radio.Group
          aria-labelledby="session-kind"
          value={input.kind}
          onChange={(e) => set({ kind: e.target.value })}
          options={[
            { value: 'roundtable', label: t('forum.kind.roundtable') },
            { value: 'feedback', label: t('forum.kind.feedback') },
          ]}
        />
        <label htmlFor="session-title-ja">{t('surveys.editor.titleJa')}</label>
        <Input id="session-title-ja" value={input.title.ja} onChange={(e) => set({ title: { ...input.title, ja: e.target.value } })} />
        <label htmlFor="session-title-en">{t('surveys.editor.titleEn')}</label>
        <Input id="session-title-en" value={input.title.en} onChange={(e) => set({ title: { ...input.title, en: e.target.value } })} />
        <label htmlFor="session-starts">{t('forum.form.startsAt')}</label>
        <input id="session-starts" className="ant-input" type="datetime-local" value={input.starts_at} onChange={(e) => set({ starts_at: e.target.value })} />
        <label htmlFor="session-ends">{t('forum.form.endsAt')}</label>
        <input id="session-ends" className="ant-input" type="datetime-local" value={input.ends_at} onChange={(e) => set({ ends_at: e.target.value })} />
        <span id="session-format">{t('forum.form.format')}</span>
        <Radio.Group
          aria-labelledby="session-format"
          value={input.format}
          onChange={(e) => set({ format: e.target.value })}
          options={(['venue', 'web', 'hybrid'] as const).map((format) => ({ value: format, label: t(`forum.format.${format}`) }))}
        />
        <label htmlFor="session-location">{t('forum.form.location')}</label>
        <Input id="session-location" value={input.location} onChange={(e) => set({ location: e.target.value })} />
        <label htmlFor="session-capacity">{t('forum.form.capacity')}</label>
        <InputNumber id="session-capacity" min={1} value={input.capacity} onChange={(value) => set({ capacity: value ?? null })} />
        <label htmlFor="session-themes">{t('forum.form.themes')}</label>
        <Input.TextArea id="session-themes" rows={2} value={themes} onChange={(e) => setThemes(e.target.value)} />
        <label htmlFor="session-experts">{t('forum.form.experts')}</label>
        <Input.TextArea id="session-experts" rows={2} value={experts} onChange={(e) => setExperts(e.target.value)} />
        <label htmlFor="session-survey">{t('forum.form.survey')}</label>
        <Select
          id="session-survey"
          allowClear
          value={input.survey_id ?? undefined}
          onChange={(value?: number) => set({ survey_id: value ?? null })}
          options={surveys.map((survey) => ({ value: survey.id, label: localText(survey.title, language) }))}
        />
      </div>
      <ErrorAlert error={error} />
    </Modal>
  );
}
