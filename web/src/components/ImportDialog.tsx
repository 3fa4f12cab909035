import { Alert, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importOrganisations } from '../api/endpoints';
import type { ImportResult, ImportRowError } from '../api/types';
import { ErrorAlert } from './ErrorAlert';
import { importContentType } from './importFile';

interface Props {
  exerciseId: number;
  open: boolean;
  onClose: () => void;
  onImported: (result: ImportResult) => void;
}

type Step =
  | { kind: 'choose' }
  | { kind: 'checking'; file: File }
  | { kind: 'checked'; file: File; contentType: string; result: ImportResult }
  | { kind: 'importing'; file: File; contentType: string; result: ImportResult }
  | { kind: 'done'; result: ImportResult };

// Choose a CSV/XLSX file → dry run (row errors or counts) → import (dry_run=false).
export function ImportDialog({ exerciseId, open, onClose, onImported }: Props) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [error, setError] = useState<unknown>(null);
  const [unsupported, setUnsupported] = useState(false);

  const close = () => {
    setStep({ kind: 'choose' });
    setError(null);
    setUnsupported(false);
    onClose();
  };

  const check = async (file: File) => {
    setError(null);
    const contentType = importContentType(file.name);
    setUnsupported(contentType === null);
    if (!contentType) return;
    setStep({ kind: 'checking', file });
    try {
      const result = await importOrganisations(exerciseId, file, contentType, true);
      setStep({ kind: 'checked', file, contentType, result });
    } catch (failure) {
      setError(failure);
      setStep({ kind: 'choose' });
    }
  };

  const commit = async () => {
    if (step.kind !== 'checked') return;
    setStep({ ...step, kind: 'importing' });
    setError(null);
    try {
      const result = await importOrganisations(exerciseId, step.file, step.contentType, false);
      if (result.valid && result.errors.length === 0) {
        setStep({ kind: 'done', result });
        onImported(result);
      } else {
        setStep({ kind: 'checked', file: step.file, contentType: step.contentType, result });
      }
    } catch (failure) {
      setError(failure);
      setStep({ ...step, kind: 'checked' });
    }
  };

  const result = step.kind === 'checked' || step.kind === 'importing' ? step.result : null;
  const file = step.kind === 'choose' || step.kind === 'done' ? null : step.file;
  const canImport = result !== null && result.valid && result.errors.length === 0;

  return (
    <Modal
      open={open}
      title={t('import.title')}
      onCancel={close}
      width={800}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={close}>{t('import.close')}</Button>
          {step.kind !== 'done' && (
            <Button
              type="primary"
              disabled={!canImport}
              loading={step.kind === 'importing'}
              onClick={() => void commit()}
            >
              {t('import.submit')}
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph>{t('import.help')}</Typography.Paragraph>
      <Upload
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        maxCount={1}
        showUploadList={false}
        beforeUpload={(chosen) => {
          void check(chosen);
          return false; // we post the raw bytes ourselves
        }}
      >
        <Button loading={step.kind === 'checking'}>{t('import.choose')}</Button>
      </Upload>
      {file && <Typography.Paragraph className="block-gap-top">{t('import.chosen', { name: file.name })}</Typography.Paragraph>}
      <div aria-live="polite" className="block-gap-top">
        {unsupported && <Alert type="warning" showIcon title={t('import.unsupported')} />}
        <ErrorAlert error={error} />
        {step.kind === 'checking' && <Typography.Text>{t('import.checking')}</Typography.Text>}
        {result && canImport && (
          <Alert type="success" showIcon title={t('import.valid', { rows: result.row_count })} data-testid="import-valid" />
        )}
        {result && !canImport && (
          <>
            <Alert
              type="error"
              showIcon
              title={t('import.invalid', { rows: result.row_count, count: result.errors.length })}
              className="block-gap"
            />
            <Table<ImportRowError>
              aria-label={t('import.errorsLabel')}
              data-testid="import-errors"
              size="small"
              rowKey={(row) => `${row.row}-${row.column}-${row.message}`}
              dataSource={result.errors}
              pagination={result.errors.length > 20 ? { pageSize: 20 } : false}
              columns={[
                { title: t('import.row'), dataIndex: 'row', width: 80 },
                { title: t('import.column'), dataIndex: 'column', width: 160 },
                { title: t('import.message'), dataIndex: 'message' },
              ]}
            />
          </>
        )}
        {step.kind === 'done' && (
          <Alert
            type="success"
            showIcon
            role="status"
            data-testid="import-done"
            title={t('import.done', { created: step.result.created, updated: step.result.updated })}
          />
        )}
      </div>
    </Modal>
  );
}
