import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { PARTICIPATION_MODES, SIZE_BANDS, type Reference } from '../api/types';
import { currentLanguage } from '../i18n';
import { localName } from '../i18n/localName';

// Form items of an organisation, inside an antd Form. `identity` adds the fields set
// at creation (name, reference, sector); the rest are editable by organisers and org leads.
export function OrganisationFields({ reference, identity }: { reference: Reference | null; identity: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <>
      {identity && (
        <>
          <Form.Item
            label={t('organisation.name')}
            name="name"
            rules={[{ required: true, whitespace: true, message: t('organisation.nameRequired') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item label={t('organisation.externalRef')} name="external_ref">
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item
            label={t('organisation.sector')}
            name="sector_code"
            rules={[{ required: true, message: t('organisation.sectorRequired') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={(reference?.sectors ?? []).map((sector) => ({
                value: sector.code,
                label: localName(sector, language),
              }))}
            />
          </Form.Item>
        </>
      )}
      <Form.Item label={t('organisation.nameKana')} name="name_kana">
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label={t('organisation.nameEn')} name="name_en">
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        label={t('organisation.sizeBand')}
        name="size_band"
        rules={[{ required: true, message: t('organisation.sizeRequired') }]}
      >
        <Select options={SIZE_BANDS.map((band) => ({ value: band, label: t(`sizeBand.${band}`) }))} />
      </Form.Item>
      <Form.Item
        label={t('organisation.region')}
        name="region"
        rules={[{ required: true, message: t('organisation.regionRequired') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={(reference?.regions ?? []).map((region) => ({
            value: region.code,
            label: localName(region, language),
          }))}
        />
      </Form.Item>
      <Form.Item
        label={t('organisation.mode')}
        name="participation_mode"
        rules={[{ required: true, message: t('organisation.modeRequired') }]}
      >
        <Select options={PARTICIPATION_MODES.map((mode) => ({ value: mode, label: t(`mode.${mode}`) }))} />
      </Form.Item>
    </>
  );
}
