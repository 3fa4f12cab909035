import { Button, Progress, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getRender, renderFileUrl, startRender } from '../api/reportEndpoints';
import type { ReportFormat } from '../api/reportTypes';
import { ErrorAlert } from '../components/ErrorAlert';
import { newRenderKey, nextProgress } from './renderKey';

const FORMATS: ReportFormat[] = ['pdf', 'xlsx', 'csv', 'html'];

// Starts the browser's download of a finished render (the server answers it as an attachment).
function saveFile(url: string, filename: string) {
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
}
const POLL_MS = 400;

interface Props {
  exerciseId: number;
  language: string;
  organisationId?: number;
  ministryCode?: string;
}

// Buttons that render the report in a format, show the render's progress while it runs
// (polling its stage), then download the file.
export function ReportDownloads({ exerciseId, language, organisationId, ministryCode }: Props) {
  const { t } = useTranslation();
  const [running, setRunning] = useState<ReportFormat | null>(null);
  const [percent, setPercent] = useState(0);
  const [stage, setStage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [ready, setReady] = useState<{ url: string; filename: string } | null>(null);

  async function render(format: ReportFormat) {
    const key = newRenderKey();
    setRunning(format);
    setPercent(0);
    setStage('loading');
    setError(null);
    setReady(null);
    let finished = false;
    const poll = async () => {
      while (!finished) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        if (finished) break;
        try {
          const status = await getRender(exerciseId, key);
          setPercent((previous) => nextProgress(previous, status.percent));
          setStage(status.stage);
        } catch {
          // Not registered yet, or just finished: the start request answers for the render.
        }
      }
    };
    void poll();
    try {
      const status = await startRender(exerciseId, {
        key,
        format,
        language,
        organisation_id: organisationId,
        ministry_code: ministryCode,
      });
      finished = true;
      setPercent(100);
      setStage('done');
      const url = renderFileUrl(exerciseId, key);
      const filename = status.filename ?? `report.${format}`;
      setReady({ url, filename });
      saveFile(url, filename);
    } catch (caught) {
      finished = true;
      setError(caught);
    } finally {
      setRunning(null);
    }
  }

  return (
    <div className="report-downloads">
      <Space wrap>
        {FORMATS.map((format) => (
          <Button
            key={format}
            onClick={() => void render(format)}
            loading={running === format}
            disabled={running !== null && running !== format}
          >
            {t(`report.download.${format}`)}
          </Button>
        ))}
      </Space>
      {(running !== null || stage === 'done') && (
        <div className="report-progress" aria-live="polite">
          <Progress percent={percent} size="small" status={running ? 'active' : 'success'} />
          <Typography.Text type="secondary">{t(`report.stage.${stage || 'loading'}`)}</Typography.Text>
        </div>
      )}
      {ready && (
        <a href={ready.url} download={ready.filename} className="report-file-link">
          {t('report.download.again', { filename: ready.filename })}
        </a>
      )}
      {error !== null && <ErrorAlert error={error} />}
    </div>
  );
}
