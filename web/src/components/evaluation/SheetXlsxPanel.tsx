import { Alert, Button, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actionRecordXlsxUrl, uploadActionRecordXlsx } from '../../api/evaluationEndpoints';
import type { UploadReport } from '../../api/evaluationTypes';
import { ErrorAlert } from '../ErrorAlert';

interface Props {
  exerciseId: number;
  organisationId: number;
  canUpload: boolean;
  onUploaded: () => void;
}

const MAX_BYTES = 2 * 1024 * 1024;

// The offline path: download the sheet as a pre-filled XLSX, upload it back. The upload is
// checked first (dry run) and stored only when every cell is valid.
export function SheetXlsxPanel({ exerciseId, organisationId, canUpload, onUploaded }: Props) {
  const { t } = useTranslation();
  const [report, setReport] = useState<UploadReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const upload = async (file: File) => {
    setReport(null);
    setError(null);
    if (file.size > MAX_BYTES) {
      setError(new Error(t('evaluation.xlsx.tooLarge')));
      return;
    }
    setBusy(true);
    try {
      const checked = await uploadActionRecordXlsx(exerciseId, organisationId, file, true);
      if (!checked.valid) {
        setReport(checked);
        return;
      }
      const stored = await uploadActionRecordXlsx(exerciseId, organisationId, file, false);
      setReport(stored);
      if (stored.valid) onUploaded();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="evaluation-xlsx" data-testid="sheet-xlsx">
      <Typography.Paragraph type="secondary">{t('evaluation.xlsx.intro')}</Typography.Paragraph>
      <Space wrap>
        <Button href={actionRecordXlsxUrl(exerciseId, organisationId)} download data-testid="sheet-xlsx-download">
          {t('evaluation.xlsx.download')}
        </Button>
        {canUpload && (
          <Upload
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button loading={busy} data-testid="sheet-xlsx-upload">
              {t('evaluation.xlsx.upload')}
            </Button>
          </Upload>
        )}
      </Space>
      <ErrorAlert error={error} />
      {report && report.valid && (
        <Alert
          type="success"
          showIcon
          role="status"
          title={t('evaluation.xlsx.stored', { objectives: report.objectives ?? 0, issues: report.issues ?? 0 })}
          data-testid="sheet-xlsx-stored"
        />
      )}
      {report && !report.valid && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('evaluation.xlsx.invalid', { count: report.errors.length })}
          description={
            <ul data-testid="sheet-xlsx-errors">
              {report.errors.map((problem) => (
                <li key={problem.text}>{problem.text}</li>
              ))}
            </ul>
          }
        />
      )}
    </div>
  );
}
