import { Button, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updateExercise } from '../api/endpoints';
import { PHASE_KINDS, type Exercise, type ExerciseUpdate, type Phase } from '../api/types';
import { ErrorAlert } from './ErrorAlert';

// Phase dates are local to the exercise: "2023-12-07" or "2023-12-07T13:00".
export const PHASE_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/;

interface Props {
  exercise: Exercise;
  open: boolean;
  onClose: () => void;
  onSaved: (exercise: Exercise) => void;
}

// Organisers edit the title, the fiscal year and the phases (PATCH /api/exercises/{id};
// the phases sent replace the whole list, so ids are not sent).
export function ExerciseEditForm({ exercise, open, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ExerciseUpdate>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const save = async (values: ExerciseUpdate) => {
    setBusy(true);
    setError(null);
    try {
      const phases = (values.phases ?? []).map((phase): Phase => ({
        kind: phase.kind,
        starts_at: phase.starts_at.trim(),
        ends_at: phase.ends_at.trim(),
        note: phase.note ?? '',
      }));
      onSaved(await updateExercise(exercise.id, { ...values, phases }));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const dateRules = [
    { required: true, message: t('phase.required') },
    { pattern: PHASE_DATE_PATTERN, message: t('phase.dateFormat') },
  ];

  return (
    <Modal
      open={open}
      title={t('exercise.editTitle')}
      onCancel={onClose}
      okText={t('exercise.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      width={900}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form<ExerciseUpdate>
        form={form}
        layout="vertical"
        initialValues={{
          title_ja: exercise.title_ja,
          title_en: exercise.title_en,
          fiscal_year: exercise.fiscal_year,
          phases: exercise.phases,
        }}
        onFinish={(values) => void save(values)}
      >
        <Form.Item
          label={t('exercise.titleJa')}
          name="title_ja"
          rules={[{ required: true, whitespace: true, message: t('exercise.titleRequired') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item label={t('exercise.titleEn')} name="title_en">
          <Input />
        </Form.Item>
        <Form.Item
          label={t('exercise.fiscalYear')}
          name="fiscal_year"
          rules={[{ required: true, message: t('exercise.fiscalYearRequired') }]}
        >
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <fieldset className="plain-fieldset">
          <legend>{t('exercise.phases')}</legend>
          <Form.List name="phases">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <div key={field.key} className="phase-row" role="group" aria-label={t('phase.row', { index: index + 1 })}>
                    <Form.Item label={t('phase.kind')} name={[field.name, 'kind']} rules={[{ required: true, message: t('phase.required') }]}>
                      <Select
                        options={PHASE_KINDS.map((kind) => ({ value: kind, label: t(`phaseKind.${kind}`) }))}
                      />
                    </Form.Item>
                    <Form.Item label={t('phase.startsAt')} name={[field.name, 'starts_at']} rules={dateRules}>
                      <Input placeholder="2023-12-07T13:00" />
                    </Form.Item>
                    <Form.Item
                      label={t('phase.endsAt')}
                      name={[field.name, 'ends_at']}
                      dependencies={[['phases', field.name, 'starts_at']]}
                      rules={[
                        ...dateRules,
                        ({ getFieldValue }) => ({
                          validator(_, value: string | undefined) {
                            const start = getFieldValue(['phases', field.name, 'starts_at']) as string | undefined;
                            if (!value || !start || value >= start) return Promise.resolve();
                            return Promise.reject(new Error(t('phase.order')));
                          },
                        }),
                      ]}
                    >
                      <Input placeholder="2023-12-07T17:00" />
                    </Form.Item>
                    <Form.Item label={t('phase.note')} name={[field.name, 'note']}>
                      <Input />
                    </Form.Item>
                    <Form.Item label={<span className="visually-hidden">{t('phase.remove')}</span>}>
                      <Button onClick={() => remove(field.name)} aria-label={`${t('phase.remove')} ${index + 1}`}>
                        {t('phase.remove')}
                      </Button>
                    </Form.Item>
                  </div>
                ))}
                <Button onClick={() => add({ kind: 'exercise_day', starts_at: '', ends_at: '', note: '' })}>
                  {t('phase.add')}
                </Button>
              </>
            )}
          </Form.List>
        </fieldset>
      </Form>
    </Modal>
  );
}
