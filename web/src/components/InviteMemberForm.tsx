import { Checkbox, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createPerson } from '../api/endpoints';
import { TEAM_ROLES } from '../api/scenarioTypes';
import type { IssuedJoinLink, PersonInput } from '../api/types';
import { ErrorAlert } from './ErrorAlert';

interface Props {
  exerciseId: number;
  organisationId: number;
  open: boolean;
  onClose: () => void;
  onInvited: (issued: IssuedJoinLink) => void;
}

// Creates a person of the organisation; the answer carries the join URL (shown once).
export function InviteMemberForm({ exerciseId, organisationId, open, onClose, onInvited }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PersonInput>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const save = async (values: PersonInput) => {
    setBusy(true);
    setError(null);
    try {
      const issued = await createPerson(exerciseId, organisationId, {
        ...values,
        is_contact: values.is_contact ?? false,
        team_roles: values.team_roles ?? [],
      });
      form.resetFields();
      onInvited(issued);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('people.inviteTitle')}
      onCancel={onClose}
      okText={t('people.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form<PersonInput> form={form} layout="vertical" initialValues={{ role: 'participant' }} onFinish={(v) => void save(v)}>
        <Form.Item
          label={t('people.name')}
          name="display_name"
          rules={[{ required: true, whitespace: true, message: t('people.nameRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label={t('people.role')} name="role">
          <Select
            options={[
              { value: 'participant', label: t('role.participant') },
              { value: 'org_lead', label: t('role.org_lead') },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('people.teamRoles')} name="team_roles" extra={t('people.teamRolesHelp')}>
          <Select
            mode="multiple"
            allowClear
            options={TEAM_ROLES.map((role) => ({ value: role, label: t(`teamRole.${role}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('people.email')} name="email" rules={[{ type: 'email', message: t('people.emailInvalid') }]}>
          <Input type="email" autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('people.phone')} name="phone">
          <Input type="tel" autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('people.department')} name="department">
          <Input />
        </Form.Item>
        <Form.Item name="is_contact" valuePropName="checked">
          <Checkbox>{t('people.contact')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
