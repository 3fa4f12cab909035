import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

// The "演習 / EXERCISE" marking on every simulated page (mock homepages, desks), so that
// nothing here is mistaken for a real agency's page.
export function DeskMarking() {
  const { t } = useTranslation();
  return (
    <Tag color="red" className="desk-marking" data-testid="desk-marking">
      {t('desks.marking')}
    </Tag>
  );
}
