import { Button, DatePicker, Space, Table, Typography, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getWindows, putWindows } from '../../api/evaluationEndpoints';
import { INSTRUMENTS, type Instrument, type InstrumentWindow } from '../../api/evaluationTypes';
import { ErrorAlert } from '../ErrorAlert';

type Draft = Record<Instrument, { opens: Dayjs | null; closes: Dayjs | null }>;

function draftOf(items: InstrumentWindow[]): Draft {
  const draft = {} as Draft;
  for (const instrument of INSTRUMENTS) {
    const window = items.find((item) => item.instrument === instrument);
    draft[instrument] = {
      opens: window?.opens_at ? dayjs(window.opens_at) : null,
      closes: window?.closes_at ? dayjs(window.closes_at) : null,
    };
  }
  return draft;
}

// The organiser sets when each instrument may be answered (times in the browser's zone,
// stored in UTC). Empty = no limit.
export function WindowsForm({ exerciseId, canEdit }: { exerciseId: number; canEdit: boolean }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    getWindows(exerciseId).then((answer) => setDraft(draftOf(answer.items)), setError);
  }, [exerciseId]);

  if (!draft) return <ErrorAlert error={error} />;
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const answer = await putWindows(
        exerciseId,
        INSTRUMENTS.map((instrument) => ({
          instrument,
          opens_at: draft[instrument].opens?.toISOString() ?? null,
          closes_at: draft[instrument].closes?.toISOString() ?? null,
        })),
      );
      setDraft(draftOf(answer.items));
      void message.success(t('evaluation.saved'));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const picker = (instrument: Instrument, side: 'opens' | 'closes') => (
    <DatePicker
      showTime={{ format: 'HH:mm' }}
      format="YYYY-MM-DD HH:mm"
      disabled={!canEdit}
      value={draft[instrument][side]}
      aria-label={t(`evaluation.windows.${side}Label`, { instrument: t(`evaluation.instrument.${instrument}`) })}
      data-testid={`window-${instrument}-${side}`}
      onChange={(value: Dayjs | null) => setDraft({ ...draft, [instrument]: { ...draft[instrument], [side]: value } })}
    />
  );
  return (
    <section aria-labelledby="windows-heading">
      <Typography.Title level={2} id="windows-heading" className="section-title">
        {t('evaluation.windows.title')}
      </Typography.Title>
      <ErrorAlert error={error} />
      <Table
        rowKey="instrument"
        pagination={false}
        size="small"
        dataSource={INSTRUMENTS.map((instrument) => ({ instrument }))}
        columns={[
          { title: t('evaluation.windows.instrument'), dataIndex: 'instrument', render: (value: Instrument) => t(`evaluation.instrument.${value}`) },
          { title: t('evaluation.windows.opens'), key: 'opens', render: (_: unknown, row: { instrument: Instrument }) => picker(row.instrument, 'opens') },
          { title: t('evaluation.windows.closes'), key: 'closes', render: (_: unknown, row: { instrument: Instrument }) => picker(row.instrument, 'closes') },
        ]}
      />
      {canEdit && (
        <Space className="block-gap-top">
          <Button type="primary" onClick={() => void save()} loading={busy} data-testid="windows-save">
            {t('evaluation.windows.save')}
          </Button>
        </Space>
      )}
    </section>
  );
}
