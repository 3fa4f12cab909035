import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { exportOrganisationsUrl } from '../api/endpoints';

// Plain download links: the browser sends the session cookie and saves the file.
export function ExportButtons({ exerciseId }: { exerciseId: number }) {
  const { t } = useTranslation();
  return (
    <Space>
      <Button href={exportOrganisationsUrl(exerciseId, 'csv')} download>
        {t('organisations.exportCsv')}
      </Button>
      <Button href={exportOrganisationsUrl(exerciseId, 'xlsx')} download>
        {t('organisations.exportXlsx')}
      </Button>
    </Space>
  );
}
