import { Button, Descriptions, Form, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updateOrganisation } from '../api/endpoints';
import type { Organisation, OrganisationInput, Reference } from '../api/types';
import { currentLanguage } from '../i18n';
import { ErrorAlert } from './ErrorAlert';
import { ministryLabel, regionLabel, sectorLabel, timestamp } from './labels';
import { OrganisationFields } from './OrganisationFields';

interface Props {
  organisation: Organisation;
  reference: Reference | null;
  canEdit: boolean;
  onSaved: (organisation: Organisation) => void;
}

// An organisation's details; organisers and its org lead may edit kana, English name,
// size band, region and participation mode (PATCH).
export function OrganisationDetails({ organisation, reference, canEdit, onSaved }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const save = async (values: OrganisationInput) => {
    setBusy(true);
    setError(null);
    try {
      onSaved(
        await updateOrganisation(organisation.exercise_id, organisation.id, {
          name_kana: values.name_kana ?? '',
          name_en: values.name_en ?? '',
          size_band: values.size_band,
          region: values.region,
          participation_mode: values.participation_mode,
        }),
      );
      setEditing(false);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const heading = (
    <Space className="section-head" wrap>
      <Typography.Title level={2} className="section-title">
        {t('organisation.details')}
      </Typography.Title>
      {canEdit && !editing && <Button onClick={() => setEditing(true)}>{t('organisation.edit')}</Button>}
    </Space>
  );

  if (editing) {
    return (
      <section>
        {heading}
        <ErrorAlert error={error} />
        <Form<OrganisationInput>
          layout="vertical"
          className="form-narrow"
          initialValues={organisation}
          onFinish={(values) => void save(values)}
        >
          <OrganisationFields reference={reference} identity={false} />
          <Space>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('organisation.save')}
            </Button>
            <Button onClick={() => setEditing(false)}>{t('organisation.cancel')}</Button>
          </Space>
        </Form>
      </section>
    );
  }

  return (
    <section>
      {heading}
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('organisation.name')}>{organisation.name}</Descriptions.Item>
        <Descriptions.Item label={t('organisation.externalRef')}>{organisation.external_ref ?? ''}</Descriptions.Item>
        <Descriptions.Item label={t('organisation.nameKana')}>{organisation.name_kana}</Descriptions.Item>
        <Descriptions.Item label={t('organisation.nameEn')}>{organisation.name_en}</Descriptions.Item>
        <Descriptions.Item label={t('organisation.sector')}>
          {sectorLabel(reference, organisation.sector_code, language)}
        </Descriptions.Item>
        <Descriptions.Item label={t('organisation.ministry')}>
          {ministryLabel(reference, organisation.ministry_code, language)}
        </Descriptions.Item>
        <Descriptions.Item label={t('organisation.sizeBand')}>{t(`sizeBand.${organisation.size_band}`)}</Descriptions.Item>
        <Descriptions.Item label={t('organisation.region')}>{regionLabel(reference, organisation.region, language)}</Descriptions.Item>
        <Descriptions.Item label={t('organisation.mode')}>{t(`mode.${organisation.participation_mode}`)}</Descriptions.Item>
        <Descriptions.Item label={t('organisation.updatedAt')}>{timestamp(organisation.updated_at, language)}</Descriptions.Item>
      </Descriptions>
    </section>
  );
}
