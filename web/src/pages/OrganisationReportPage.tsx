import { Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { getOrganisationReport } from '../api/reportEndpoints';
import type { ReportDocument } from '../api/reportTypes';
import type { Session } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { NotFound } from '../components/NotFound';
import { ReportDocumentView } from '../report/ReportDocumentView';
import { ReportDownloads } from '../report/ReportDownloads';

// One organisation's feedback report (its org lead, the organisers, its ministry): its
// answers beside its sector's and everyone's, its activity, issues and trend; downloads.
export function OrganisationReportPage({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  const params = useParams();
  const exerciseId = Number(params.exerciseId);
  const organisationId = Number(params.organisationId);
  const valid = Number.isInteger(exerciseId) && exerciseId > 0 && Number.isInteger(organisationId) && organisationId > 0;
  const language = i18n.language.startsWith('en') ? 'en' : 'ja';
  const [document, setDocument] = useState<ReportDocument | null>(null);
  const [error, setError] = useState<unknown>(null);
  void session;

  useEffect(() => {
    if (!valid) return undefined;
    const controller = new AbortController();
    setDocument(null);
    setError(null);
    getOrganisationReport(exerciseId, organisationId, language, controller.signal).then(setDocument, (caught) => {
      if (!controller.signal.aborted) setError(caught);
    });
    return () => controller.abort();
  }, [exerciseId, organisationId, valid, language]);

  if (!valid) return <NotFound />;
  return (
    <div className="report-page">
      <Link to={`/exercises/${exerciseId}/organisations/${organisationId}`}>{t('report.backToOrganisation')}</Link>
      <Typography.Title level={1}>{t('report.organisationTitle')}</Typography.Title>
      <ReportDownloads exerciseId={exerciseId} language={language} organisationId={organisationId} />
      {error !== null && <ErrorAlert error={error} />}
      {document ? <ReportDocumentView document={document} /> : error === null && <Loading />}
    </div>
  );
}
