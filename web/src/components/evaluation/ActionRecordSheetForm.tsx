import { Button, Card, Input, Select, Space, Typography, message } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { getActionRecord, reopenActionRecord, saveActionRecord } from '../../api/evaluationEndpoints';
import type { ActionRecordSheet, EvaluationReference, FieldError, ObjectiveRecord } from '../../api/evaluationTypes';
import {
  SETTING_COUNT,
  erroredKeys,
  fieldErrorsOf,
  objectiveTitle,
  sheetBody,
  unansweredSettings,
} from '../../evaluation/evaluationForms';
import { currentLanguage } from '../../i18n';
import { ErrorAlert } from '../ErrorAlert';
import { Loading } from '../Loading';
import { FieldErrorList } from './FieldErrorList';
import { SheetEvidence } from './SheetEvidence';
import { SheetXlsxPanel } from './SheetXlsxPanel';
import { StatusLine } from './StatusLine';

interface Props {
  exerciseId: number;
  organisationId: number;
  reference: EvaluationReference;
  canReopen: boolean;
  version: number; // bumped when the objectives change
}

const MAX_ISSUES = 20;

// The action-record sheet (行動記録シート): per chosen objective the three settings on the
// four-level scale and the issues found, beside what happened in play.
export function ActionRecordSheetForm({ exerciseId, organisationId, reference, canReopen, version }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [sheet, setSheet] = useState<ActionRecordSheet | null>(null);
  const [records, setRecords] = useState<ObjectiveRecord[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [hidden, setHidden] = useState(false);

  const apply = (next: ActionRecordSheet) => {
    setSheet((previous) => ({ ...next, evidence: next.evidence ?? previous?.evidence, can_edit: next.can_edit ?? previous?.can_edit }));
    setRecords(next.objectives.map((record) => ({ ...record, issues: record.issues.length > 0 ? record.issues : [''] })));
  };

  const load = useCallback(() => {
    getActionRecord(exerciseId, organisationId).then(apply, (failure: unknown) => {
      if (isApiError(failure) && failure.code === 'not_found') setHidden(true);
      else setError(failure);
    });
  }, [exerciseId, organisationId]);

  useEffect(load, [load, version]);

  if (hidden) return null;
  if (!sheet) return error ? <ErrorAlert error={error} /> : <Loading />;

  const canEdit = sheet.can_edit === true;
  const editable = canEdit && sheet.status !== 'submitted' && sheet.window.open;
  const scale = reference.answer_scales.find((candidate) => candidate.code === 'four_level');
  const options = (scale?.options ?? []).map((option) => ({
    value: option.code,
    label: language === 'en' ? option.label_en : option.label_ja,
  }));
  const errored = erroredKeys(fieldErrors, 'objectives.');
  const missing = unansweredSettings(records);

  const update = (key: string, change: (record: ObjectiveRecord) => ObjectiveRecord) =>
    setRecords(records.map((record) => (record.key === key ? change(record) : record)));

  const save = async (submit: boolean) => {
    setBusy(true);
    setError(null);
    setFieldErrors([]);
    try {
      apply(await saveActionRecord(exerciseId, organisationId, sheetBody(records), submit));
      void message.success(t(submit ? 'evaluation.submitted' : 'evaluation.saved'));
    } catch (failure) {
      const problems = fieldErrorsOf(failure);
      if (problems.length > 0) setFieldErrors(problems);
      else setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const reopen = async () => {
    setBusy(true);
    try {
      apply(await reopenActionRecord(exerciseId, organisationId));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const labelOf = (field: string) => {
    const match = /^objectives\.([^.]+)(?:\.settings\.(\d))?/.exec(field);
    if (!match) return field;
    const key = match[1] ?? '';
    const record = records.find((candidate) => candidate.key === key);
    const title = record ? `${record.key} ${objectiveTitle(record, reference.objectives, language)}` : key;
    return match[2] ? `${title} ${t(`evaluation.sheet.setting${match[2]}`)}` : title;
  };

  return (
    <section aria-labelledby="sheet-heading" data-testid="action-record-sheet">
      <Space className="section-head" wrap>
        <Typography.Title level={3} id="sheet-heading" className="section-title">
          {t('evaluation.sheet.title')}
        </Typography.Title>
        <StatusLine status={sheet.status} submittedAt={sheet.submitted_at} window={sheet.window} />
      </Space>
      <Typography.Paragraph type="secondary">{t('evaluation.sheet.intro')}</Typography.Paragraph>
      <SheetXlsxPanel exerciseId={exerciseId} organisationId={organisationId} canUpload={editable} onUploaded={load} />
      <ErrorAlert error={error} />
      <FieldErrorList errors={fieldErrors} labelOf={labelOf} />
      {records.length === 0 && <Typography.Paragraph>{t('evaluation.sheet.noObjectives')}</Typography.Paragraph>}
      {records.map((record) => {
        const evidence = sheet.evidence?.[String(record.objective_id)] ?? { actions: [], injects: [] };
        const headingId = `sheet-objective-${record.key}`;
        return (
          <Card key={record.key} size="small" className="block-gap-top" data-testid={`sheet-objective-${record.key}`}>
            <Typography.Title level={4} id={headingId}>
              {record.objective_id === 10 ? `⑩-${record.custom_index}` : `${record.objective_id}.`}{' '}
              {objectiveTitle(record, reference.objectives, language)}
            </Typography.Title>
            <div className="evaluation-sheet-row">
              <div className="evaluation-sheet-answers">
                {Array.from({ length: SETTING_COUNT }, (_, i) => {
                  const labelId = `${headingId}-setting-${i + 1}`;
                  const key = `${record.key}.settings.${i + 1}`;
                  return (
                    <div key={key} className={errored.has(key) ? 'evaluation-item evaluation-item-error' : 'evaluation-item'}>
                      <Typography.Text id={labelId}>{t(`evaluation.sheet.setting${i + 1}`)}</Typography.Text>
                      <Select
                        aria-labelledby={`${headingId} ${labelId}`}
                        className="evaluation-select"
                        allowClear
                        disabled={!editable}
                        placeholder={t('evaluation.choose')}
                        value={record.ratings[i] ?? undefined}
                        options={options}
                        data-testid={`sheet-${record.key}-setting-${i + 1}`}
                        onChange={(value: string | undefined) =>
                          update(record.key, (current) => {
                            const ratings = Array.from({ length: SETTING_COUNT }, (_, j) => current.ratings[j] ?? null);
                            ratings[i] = value ?? null;
                            return { ...current, ratings };
                          })
                        }
                      />
                    </div>
                  );
                })}
                <Typography.Text strong>{t('evaluation.sheet.issues')}</Typography.Text>
                {record.issues.map((issue, position) => (
                  <Space key={position} className="full-width" align="start">
                    <Input.TextArea
                      aria-label={t('evaluation.sheet.issueLabel', { number: position + 1 })}
                      value={issue}
                      maxLength={4000}
                      autoSize={{ minRows: 1, maxRows: 6 }}
                      disabled={!editable}
                      data-testid={`sheet-${record.key}-issue-${position}`}
                      onChange={(event) =>
                        update(record.key, (current) => ({
                          ...current,
                          issues: current.issues.map((text, j) => (j === position ? event.target.value : text)),
                        }))
                      }
                    />
                    {editable && record.issues.length > 1 && (
                      <Button
                        onClick={() =>
                          update(record.key, (current) => ({
                            ...current,
                            issues: current.issues.filter((_, j) => j !== position),
                          }))
                        }
                      >
                        {t('evaluation.remove')}
                      </Button>
                    )}
                  </Space>
                ))}
                {editable && record.issues.length < MAX_ISSUES && (
                  <Button
                    size="small"
                    onClick={() => update(record.key, (current) => ({ ...current, issues: [...current.issues, ''] }))}
                  >
                    {t('evaluation.sheet.addIssue')}
                  </Button>
                )}
              </div>
              <SheetEvidence actions={evidence.actions} injects={evidence.injects} />
            </div>
          </Card>
        );
      })}
      <Space wrap className="block-gap-top">
        {records.length > 0 &&
          (missing.length > 0 ? (
            <Typography.Text type="warning" data-testid="sheet-missing">
              {t('evaluation.missingCount', { count: missing.length })}
            </Typography.Text>
          ) : (
            <Typography.Text type="success">{t('evaluation.complete')}</Typography.Text>
          ))}
        {editable && records.length > 0 && (
          <>
            <Button onClick={() => void save(false)} loading={busy} data-testid="sheet-save">
              {t('evaluation.saveDraft')}
            </Button>
            <Button type="primary" onClick={() => void save(true)} loading={busy} data-testid="sheet-submit">
              {t('evaluation.submit')}
            </Button>
          </>
        )}
        {canReopen && sheet.status === 'submitted' && (
          <Button onClick={() => void reopen()} loading={busy} data-testid="sheet-reopen">
            {t('evaluation.reopen')}
          </Button>
        )}
      </Space>
    </section>
  );
}
