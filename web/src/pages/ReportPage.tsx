import { Button, InputNumber, Select, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { listExercises } from '../api/endpoints';
import { getReport, getReportSettings, putReportSettings } from '../api/reportEndpoints';
import type { ReportDocument } from '../api/reportTypes';
import type { Exercise, Session } from '../api/types';
import { useReference } from '../api/useReference';
import { isOrganiser, rolesIn } from '../auth/roles';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { NotFound } from '../components/NotFound';
import { IssuePicker } from '../report/IssuePicker';
import { ReportDocumentView } from '../report/ReportDocumentView';
import { ReportDownloads } from '../report/ReportDownloads';

// The results report of an exercise: organisers see the national report (or a ministry's),
// choose the suppression threshold and the representative issues; ministry members see
// their sectors only. Downloads in PDF, XLSX, CSV and HTML with progress.
export function ReportPage({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  const exerciseId = Number(useParams().exerciseId);
  const valid = Number.isInteger(exerciseId) && exerciseId > 0;
  const organiser = valid && isOrganiser(session, exerciseId);
  const ministry = valid && rolesIn(session, exerciseId).includes('ministry');
  const language = i18n.language.startsWith('en') ? 'en' : 'ja';
  const { reference } = useReference();
  const [ministryCode, setMinistryCode] = useState<string | undefined>(undefined);
  const [minimumGroup, setMinimumGroup] = useState<number | null>(null);
  // Compared exercises: null = the default (every earlier fiscal year, at most 4).
  const [compared, setCompared] = useState<number[] | null>(null);
  const [exercises, setExercises] = useState<Exercise[]>([]);
  const [document, setDocument] = useState<ReportDocument | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!organiser) return;
    getReportSettings(exerciseId).then((settings) => {
      setMinimumGroup(settings.minimum_group);
      setCompared(settings.compared_exercise_ids);
    }, setError);
    listExercises().then(setExercises, setError);
  }, [exerciseId, organiser]);

  useEffect(() => {
    if (!valid || (!organiser && !ministry)) return undefined;
    const controller = new AbortController();
    setDocument(null);
    getReport(exerciseId, { language, ministry_code: ministryCode }, controller.signal).then(setDocument, (caught) => {
      if (!controller.signal.aborted) setError(caught);
    });
    return () => controller.abort();
  }, [exerciseId, valid, organiser, ministry, language, ministryCode, version]);

  const refresh = useCallback(() => setVersion((value) => value + 1), []);

  async function saveMinimum() {
    if (minimumGroup === null) return;
    try {
      await putReportSettings(exerciseId, { minimum_group: minimumGroup, compared_exercise_ids: compared });
      refresh();
    } catch (caught) {
      setError(caught);
    }
  }

  if (!valid || (!organiser && !ministry)) return <NotFound />;
  const ministries = reference?.ministries ?? [];
  const current = exercises.find((exercise) => exercise.id === exerciseId);
  const earlier = exercises.filter((exercise) => current && exercise.fiscal_year < current.fiscal_year);
  return (
    <div className="report-page">
      <Link to={`/exercises/${exerciseId}`}>{t('report.backToExercise')}</Link>
      <Typography.Title level={1}>{t('report.title')}</Typography.Title>
      {organiser && (
        <Space wrap className="block-gap">
          <label>
            {t('report.scope')}{' '}
            <Select<string | undefined>
              aria-label={t('report.scope')}
              value={ministryCode}
              allowClear
              placeholder={t('report.national')}
              style={{ width: 220 }}
              onChange={setMinistryCode}
              options={ministries.map((item) => ({
                value: item.code,
                label: language === 'en' ? item.name_en : item.name_ja,
              }))}
            />
          </label>
          <label>
            {t('report.minimumGroup')}{' '}
            <InputNumber
              aria-label={t('report.minimumGroup')}
              min={3}
              max={100}
              value={minimumGroup}
              onChange={(value) => setMinimumGroup(typeof value === 'number' ? value : null)}
            />
          </label>
          <label>
            {t('report.compared')}{' '}
            <Select<number[]>
              mode="multiple"
              aria-label={t('report.compared')}
              value={compared ?? []}
              placeholder={t('report.comparedDefault')}
              style={{ minWidth: 260 }}
              maxCount={4}
              onChange={(value) => setCompared(value.length > 0 ? value : null)}
              options={earlier.map((exercise) => ({
                value: exercise.id,
                label: `${exercise.fiscal_year} ${language === 'en' && exercise.title_en ? exercise.title_en : exercise.title_ja}`,
              }))}
            />
          </label>
          <Button onClick={() => void saveMinimum()}>{t('report.apply')}</Button>
        </Space>
      )}
      <ReportDownloads exerciseId={exerciseId} language={language} ministryCode={ministryCode} />
      {error !== null && <ErrorAlert error={error} />}
      {document ? <ReportDocumentView document={document} /> : error === null && <Loading />}
      {organiser && <IssuePicker exerciseId={exerciseId} onSaved={refresh} />}
    </div>
  );
}
