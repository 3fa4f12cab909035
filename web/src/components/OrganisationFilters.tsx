import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { PARTICIPATION_MODES, type ParticipationMode, type Reference } from '../api/types';
import { currentLanguage } from '../i18n';
import { localName } from '../i18n/localName';
import { ministryLabel } from './labels';

export interface OrganisationFilterValues {
  sector?: string;
  ministry?: string;
  mode?: ParticipationMode;
  text: string;
}

interface Props {
  reference: Reference | null;
  value: OrganisationFilterValues;
  onChange: (value: OrganisationFilterValues) => void;
}

// Sector, ministry and participation-mode selects (labels in the UI language) and the
// free-text search box. The caller debounces the text.
export function OrganisationFilters({ reference, value, onChange }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const set = (patch: Partial<OrganisationFilterValues>) => onChange({ ...value, ...patch });
  return (
    <Form layout="inline" colon={false} className="filters" role="search" onSubmitCapture={(event) => event.preventDefault()}>
      <Form.Item label={t('organisations.search')} htmlFor="organisation-search">
        <Input
          id="organisation-search"
          type="search"
          allowClear
          value={value.text}
          placeholder={t('organisations.searchPlaceholder')}
          onChange={(event) => set({ text: event.target.value })}
          className="input-search"
        />
      </Form.Item>
      <Form.Item label={t('organisations.filterSector')} htmlFor="organisation-filter-sector">
        <Select
          id="organisation-filter-sector"
          allowClear
          placeholder={t('organisations.all')}
          value={value.sector}
          onChange={(sector?: string) => set({ sector })}
          className="select-medium"
          showSearch={{ optionFilterProp: 'label' }}
          options={(reference?.sectors ?? []).map((sector) => ({ value: sector.code, label: localName(sector, language) }))}
        />
      </Form.Item>
      <Form.Item label={t('organisations.filterMinistry')} htmlFor="organisation-filter-ministry">
        <Select
          id="organisation-filter-ministry"
          allowClear
          placeholder={t('organisations.all')}
          value={value.ministry}
          onChange={(ministry?: string) => set({ ministry })}
          className="select-medium"
          options={(reference?.ministries ?? []).map((ministry) => ({
            value: ministry.code,
            label: ministryLabel(reference, ministry.code, language),
          }))}
        />
      </Form.Item>
      <Form.Item label={t('organisations.filterMode')} htmlFor="organisation-filter-mode">
        <Select
          id="organisation-filter-mode"
          allowClear
          placeholder={t('organisations.all')}
          value={value.mode}
          onChange={(mode?: ParticipationMode) => set({ mode })}
          className="select-wide"
          options={PARTICIPATION_MODES.map((mode) => ({ value: mode, label: t(`mode.${mode}`) }))}
        />
      </Form.Item>
    </Form>
  );
}
