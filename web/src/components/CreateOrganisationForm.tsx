import { Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createOrganisation } from '../api/endpoints';
import type { Organisation, OrganisationInput, Reference } from '../api/types';
import { ErrorAlert } from './ErrorAlert';
import { OrganisationFields } from './OrganisationFields';

interface Props {
  exerciseId: number;
  reference: Reference | null;
  open: boolean;
  onClose: () => void;
  onCreated: (organisation: Organisation) => void;
}

// Organisers add one organisation by hand (POST /api/exercises/{id}/organisations).
export function CreateOrganisationForm({ exerciseId, reference, open, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<OrganisationInput>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const save = async (values: OrganisationInput) => {
    setBusy(true);
    setError(null);
    try {
      const input: OrganisationInput = { ...values };
      if (!input.external_ref) delete input.external_ref;
      onCreated(await createOrganisation(exerciseId, input));
      form.resetFields();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('organisation.createTitle')}
      onCancel={onClose}
      okText={t('organisation.save')}
      cancelText={t('organisation.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form<OrganisationInput>
        form={form}
        layout="vertical"
        initialValues={{ size_band: 'medium', participation_mode: 'online' }}
        onFinish={(values) => void save(values)}
      >
        <OrganisationFields reference={reference} identity />
      </Form>
    </Modal>
  );
}
