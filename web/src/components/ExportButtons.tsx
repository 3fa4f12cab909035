import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { exportOrganisationsUrl, type ExportFilters } from '../api/endpoints';
import { currentLanguage } from '../i18n';

// Download links for the organisations shown (same filters), with the header row in the
// UI language. The browser sends the session cookie and saves the file.
export function ExportButtons({ exerciseId, filters }: { exerciseId: number; filters: ExportFilters }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <Space>
      <Button href={exportOrganisationsUrl(exerciseId, 'csv', language, filters)} download>
        {t('organisations.exportCsv')}
      </Button>
      <Button href={exportOrganisationsUrl(exerciseId, 'xlsx', language, filters)} download>
        {t('organisations.exportXlsx')}
      </Button>
    </Space>
  );
}
