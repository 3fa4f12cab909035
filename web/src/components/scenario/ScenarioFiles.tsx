import { Alert, App as AntApp, Button, Space, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportScenarioUrl, importScenario, scenarioFileFormat } from '../../api/scenarioEndpoints';
import { currentLanguage } from '../../i18n';
import { ErrorAlert } from '../ErrorAlert';
import { ProblemList } from './ProblemList';

interface Props {
  exerciseId: number;
  // Unsaved edits would be replaced by an import: the caller says so.
  dirty: boolean;
  onImported: () => void;
}

// Import (YAML scenario file or XLSX MSEL, replacing the master timeline after a
// confirmation) and export (YAML, XLSX) of the scenario.
export function ScenarioFiles({ exerciseId, dirty, onImported }: Props) {
  const { t } = useTranslation();
  const { modal, message } = AntApp.useApp();
  const [error, setError] = useState<unknown>(null);
  const [unsupported, setUnsupported] = useState(false);
  const [busy, setBusy] = useState(false);
  const language = currentLanguage();

  const upload = async (file: File) => {
    setError(null);
    const format = scenarioFileFormat(file.name);
    setUnsupported(format === null);
    if (!format) return;
    const confirmed = await modal.confirm({
      title: t('scenario.files.confirmTitle'),
      content: dirty ? t('scenario.files.confirmDirty', { name: file.name }) : t('scenario.files.confirm', { name: file.name }),
      okText: t('scenario.files.import'),
      cancelText: t('common.cancel'),
    });
    if (!confirmed) return;
    setBusy(true);
    try {
      await importScenario(exerciseId, file, format);
      void message.success(t('scenario.files.imported', { name: file.name }));
      onImported();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <Space wrap>
        <Upload
          accept=".yaml,.yml,.xlsx"
          maxCount={1}
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button loading={busy} data-testid="scenario-import">
            {t('scenario.files.import')}
          </Button>
        </Upload>
        <Button href={exportScenarioUrl(exerciseId, 'yaml', language)} download>
          {t('scenario.files.exportYaml')}
        </Button>
        <Button href={exportScenarioUrl(exerciseId, 'xlsx', language)} download>
          {t('scenario.files.exportXlsx')}
        </Button>
      </Space>
      <div aria-live="polite">
        {unsupported && <Alert className="block-gap-top" type="warning" showIcon title={t('scenario.files.unsupported')} />}
        {error !== null && (
          <div className="block-gap-top" data-testid="scenario-import-error">
            <ErrorAlert error={error} />
            <ProblemList error={error} />
          </div>
        )}
      </div>
    </div>
  );
}
